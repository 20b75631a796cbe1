package org.ramsetu.platform.registry.common;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.IndianStates;

/**
 * A place in requests and responses.
 *
 * @param state an Indian state or union territory, any case
 * @param latitude WGS-84 decimal degrees
 * @param longitude WGS-84 decimal degrees
 */
public record LocationBody(
        @Schema(maxLength = MAX_CITY, example = "Pune") String city,
        @Schema(example = "Maharashtra") String state,
        @Schema(
                        minimum = "-" + Coordinates.MAX_LATITUDE,
                        maximum = "" + Coordinates.MAX_LATITUDE,
                        example = "18.5204")
                Double latitude,
        @Schema(
                        minimum = "-" + Coordinates.MAX_LONGITUDE,
                        maximum = "" + Coordinates.MAX_LONGITUDE,
                        example = "73.8567")
                Double longitude) {

    /** A city's name, at most this many characters. */
    public static final int MAX_CITY = 100;

    /**
     * @param field the path of this object in the request, for error messages
     */
    public Location toLocation(String field) {
        String checkedCity = Fields.requiredLine(field + ".city", city, MAX_CITY);
        String checkedState = IndianStates.canonical(field + ".state", state);
        Fields.required(field + ".latitude", latitude);
        Fields.required(field + ".longitude", longitude);
        Coordinates coordinates = Fields.under(field, () -> new Coordinates(latitude, longitude));
        return new Location(checkedCity, checkedState, coordinates);
    }

    public static LocationBody of(Location location) {
        return new LocationBody(
                location.city(),
                location.state(),
                location.coordinates().latitude(),
                location.coordinates().longitude());
    }
}
