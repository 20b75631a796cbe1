package org.ramsetu.platform.registry.common;

import org.ramsetu.core.geo.Coordinates;

/**
 * A place in requests and responses.
 *
 * @param state an Indian state or union territory, any case
 * @param latitude WGS-84 decimal degrees
 * @param longitude WGS-84 decimal degrees
 */
public record LocationBody(String city, String state, Double latitude, Double longitude) {

    /**
     * @param field the path of this object in the request, for error messages
     */
    public Location toLocation(String field) {
        String checkedCity = Fields.requiredLine(field + ".city", city, 100);
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
