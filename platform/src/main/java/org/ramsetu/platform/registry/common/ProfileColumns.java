package org.ramsetu.platform.registry.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.scores.Sex;

/**
 * The columns donor and patient profiles store alike: the person ({@code blood_group,
 * date_of_birth, sex, height_cm, weight_kg}) and a place ({@code city, city_key, state, latitude,
 * longitude}, under a prefix: a donor's home has none, a patient's hospital {@code hospital_}).
 */
public final class ProfileColumns {

    private ProfileColumns() {}

    /** Binds the person as {@code :blood, :dob, :sex, :height, :weight}. */
    public static void bind(Map<String, Object> values, Demographics person) {
        values.put("blood", person.bloodGroup().toString());
        values.put("dob", person.dateOfBirth());
        values.put("sex", person.sex().name());
        values.put("height", person.heightCm());
        values.put("weight", person.weightKg());
    }

    /** Binds the place as {@code :city, :cityKey, :state, :lat, :lon}. */
    public static void bind(Map<String, Object> values, Location place) {
        values.put("city", place.city());
        values.put("cityKey", place.cityKey());
        values.put("state", place.state());
        values.put("lat", place.coordinates().latitude());
        values.put("lon", place.coordinates().longitude());
    }

    public static Demographics person(ResultSet rs) throws SQLException {
        return new Demographics(
                BloodGroup.parse(rs.getString("blood_group")),
                rs.getObject("date_of_birth", LocalDate.class),
                Sex.valueOf(rs.getString("sex")),
                rs.getDouble("height_cm"),
                rs.getDouble("weight_kg"));
    }

    /** The place stored under {@code prefix} ({@code ""} or {@code "hospital_"}). */
    public static Location place(ResultSet rs, String prefix) throws SQLException {
        return new Location(
                rs.getString(prefix + "city"),
                rs.getString(prefix + "state"),
                new Coordinates(
                        rs.getDouble(prefix + "latitude"), rs.getDouble(prefix + "longitude")));
    }
}
