package org.ramsetu.platform.centres;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.FieldChecks;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.IndianStates;
import org.ramsetu.platform.kernel.InvalidInput;

/**
 * A transplant centre as an administrator registers or corrects it; every field is required.
 *
 * @param registrationNumber the hospital's registration for transplantation under the
 *     Transplantation of Human Organs and Tissues Act (letters, digits, {@code / - .} and blanks),
 *     unique
 * @param state an Indian state or union territory, any case
 * @param latitude WGS-84 decimal degrees, verified: distances and ischaemia are measured from here
 * @param longitude WGS-84 decimal degrees, verified
 * @param programmes the organs it transplants: {@code KIDNEY}, {@code LIVER}, {@code HEART}, {@code
 *     CORNEA}
 * @param version when correcting, the version read, unless {@code If-Match} gives it
 */
public record CentreBody(
        @Nullable @Schema(maxLength = MAX_NAME, example = "Sassoon General Hospital") String name,
        @Nullable @Schema(maxLength = MAX_REGISTRATION, example = "MH/TTX/2019/014")
                String registrationNumber,
        @Nullable @Schema(maxLength = MAX_CITY, example = "Pune") String city,
        @Nullable @Schema(example = "Maharashtra") String state,
        @Nullable
                @Schema(
                        minimum = "-" + Coordinates.MAX_LATITUDE,
                        maximum = "" + Coordinates.MAX_LATITUDE,
                        example = "18.5196")
                Double latitude,
        @Nullable
                @Schema(
                        minimum = "-" + Coordinates.MAX_LONGITUDE,
                        maximum = "" + Coordinates.MAX_LONGITUDE,
                        example = "73.8711")
                Double longitude,
        @Nullable @Schema(example = "[\"KIDNEY\", \"LIVER\"]") List<String> programmes,
        @Nullable Long version) {

    static final int MAX_NAME = 200;
    static final int MAX_REGISTRATION = 64;
    static final int MAX_CITY = 100;

    private static final Pattern REGISTRATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/.\\- ]*");

    /**
     * @throws org.ramsetu.platform.kernel.DomainException InvalidInput naming every wrong field
     */
    CentreDetails toDetails() {
        FieldChecks checks = new FieldChecks();
        String checkedName = checks.check(() -> Fields.requiredLine("name", name, MAX_NAME));
        String registration = checks.check(this::registration);
        String checkedCity = checks.check(() -> Fields.requiredLine("city", city, MAX_CITY));
        String checkedState = checks.check(() -> IndianStates.canonical("state", state));
        Double lat = checks.check(() -> Fields.required("latitude", latitude));
        Double lon = checks.check(() -> Fields.required("longitude", longitude));
        Coordinates coordinates =
                lat == null || lon == null ? null : checks.check(() -> new Coordinates(lat, lon));
        var organs =
                checks.check(
                        () ->
                                Fields.requiredEnumSet(
                                        "programmes", programmes, Organ.class, "organ", false));
        checks.done();
        return new CentreDetails(
                checkedName, registration, checkedCity, checkedState, coordinates, organs);
    }

    private String registration() {
        String text =
                Fields.requiredLine("registrationNumber", registrationNumber, MAX_REGISTRATION);
        if (!REGISTRATION.matcher(text).matches()) {
            throw InvalidInput.field(
                    "registrationNumber",
                    "must be letters, digits, '/', '-', '.' and blanks, starting with a letter or"
                            + " a digit");
        }
        return text;
    }
}
