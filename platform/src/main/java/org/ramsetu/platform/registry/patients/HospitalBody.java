package org.ramsetu.platform.registry.patients;

import org.ramsetu.platform.registry.common.Fields;
import org.ramsetu.platform.registry.common.LocationBody;

/**
 * The treating hospital in requests and responses.
 *
 * @param state an Indian state or union territory, any case
 * @param latitude WGS-84 decimal degrees of the hospital
 * @param longitude WGS-84 decimal degrees of the hospital
 */
public record HospitalBody(
        String name, String city, String state, Double latitude, Double longitude) {

    static final int MAX_NAME = 200;

    Hospital toHospital(String field) {
        return new Hospital(
                Fields.requiredLine(field + ".name", name, MAX_NAME),
                new LocationBody(city, state, latitude, longitude).toLocation(field));
    }

    static HospitalBody of(Hospital hospital) {
        LocationBody place = LocationBody.of(hospital.location());
        return new HospitalBody(
                hospital.name(), place.city(), place.state(), place.latitude(), place.longitude());
    }
}
