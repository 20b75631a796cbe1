package org.ramsetu.platform.registry.patients;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.registry.common.LocationBody;
import org.springframework.modulith.NamedInterface;

/**
 * The treating hospital in requests and responses.
 *
 * @param state an Indian state or union territory, any case
 * @param latitude WGS-84 decimal degrees of the hospital
 * @param longitude WGS-84 decimal degrees of the hospital
 */
@NamedInterface("patients")
public record HospitalBody(
        @Schema(maxLength = MAX_NAME, example = "Sassoon General Hospital") String name,
        @Schema(maxLength = LocationBody.MAX_CITY, example = "Pune") String city,
        @Schema(example = "Maharashtra") String state,
        @Schema(
                        minimum = "-" + Coordinates.MAX_LATITUDE,
                        maximum = "" + Coordinates.MAX_LATITUDE,
                        example = "18.5196")
                Double latitude,
        @Schema(
                        minimum = "-" + Coordinates.MAX_LONGITUDE,
                        maximum = "" + Coordinates.MAX_LONGITUDE,
                        example = "73.8711")
                Double longitude) {

    static final int MAX_NAME = 200;

    /**
     * @param field the path of this object in the request, for error messages
     */
    public Hospital toHospital(String field) {
        return new Hospital(
                Fields.requiredLine(field + ".name", name, MAX_NAME),
                new LocationBody(city, state, latitude, longitude).toLocation(field));
    }

    public static HospitalBody of(Hospital hospital) {
        LocationBody place = LocationBody.of(hospital.location());
        return new HospitalBody(
                hospital.name(), place.city(), place.state(), place.latitude(), place.longitude());
    }
}
