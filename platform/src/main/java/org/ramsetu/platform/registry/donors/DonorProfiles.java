package org.ramsetu.platform.registry.donors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.Demographics;
import org.ramsetu.platform.registry.common.HlaText;
import org.ramsetu.platform.registry.common.Location;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;

/** Donor profiles in PostgreSQL; every update names the version it replaces. */
@NamedInterface("donors")
public class DonorProfiles {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            account_id, blood_group, date_of_birth, sex, height_cm, weight_kg, city, city_key,
            state, latitude, longitude, hla_typing, hypertension, diabetes, medical_notes,
            consent_given_at, created_at, updated_at, version
            """;

    private final JdbcClient jdbc;

    public DonorProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DonorProfile> find(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from donor_profile where account_id = :id")
                .param("id", accountId)
                .query(DonorProfiles::map)
                .optional();
    }

    /**
     * @return false when the donor has a profile already (someone else created it meanwhile)
     */
    public boolean insert(DonorProfile p) {
        return jdbc.sql(
                                """
                                insert into donor_profile (account_id, blood_group, date_of_birth,
                                    sex, height_cm, weight_kg, city, city_key, state, latitude,
                                    longitude, hla_typing, hypertension, diabetes, medical_notes,
                                    consent_given_at, created_at, updated_at, version)
                                values (:id, :blood, :dob, :sex, :height, :weight, :city, :cityKey,
                                    :state, :lat, :lon, :hla, :htn, :dm, :notes, :consent,
                                    :created, :updated, :version)
                                on conflict (account_id) do nothing
                                """)
                        .params(values(p))
                        .update()
                > 0;
    }

    /**
     * @return false when the stored version is no longer {@code p.version() - 1}
     */
    boolean update(DonorProfile p) {
        return jdbc.sql(
                                """
                                update donor_profile set blood_group = :blood, date_of_birth = :dob,
                                    sex = :sex, height_cm = :height, weight_kg = :weight,
                                    city = :city, city_key = :cityKey, state = :state,
                                    latitude = :lat, longitude = :lon, hla_typing = :hla,
                                    hypertension = :htn, diabetes = :dm, medical_notes = :notes,
                                    updated_at = :updated, version = :version
                                where account_id = :id and version = :version - 1
                                """)
                        .params(values(p))
                        .update()
                > 0;
    }

    private static Map<String, Object> values(DonorProfile p) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", p.accountId());
        v.put("blood", p.person().bloodGroup().toString());
        v.put("dob", p.person().dateOfBirth());
        v.put("sex", p.person().sex().name());
        v.put("height", p.person().heightCm());
        v.put("weight", p.person().weightKg());
        v.put("city", p.location().city());
        v.put("cityKey", p.location().cityKey());
        v.put("state", p.location().state());
        v.put("lat", p.location().coordinates().latitude());
        v.put("lon", p.location().coordinates().longitude());
        v.put("hla", HlaText.format(p.hla()));
        v.put("htn", p.medicalHistory().hypertension());
        v.put("dm", p.medicalHistory().diabetes());
        v.put("notes", p.medicalHistory().notes());
        v.put("consent", Sql.timestamp(p.consentGivenAt()));
        v.put("created", Sql.timestamp(p.createdAt()));
        v.put("updated", Sql.timestamp(p.updatedAt()));
        v.put("version", p.version());
        return v;
    }

    private static DonorProfile map(ResultSet rs, int row) throws SQLException {
        return new DonorProfile(
                rs.getObject("account_id", UUID.class),
                new Demographics(
                        BloodGroup.parse(rs.getString("blood_group")),
                        rs.getObject("date_of_birth", LocalDate.class),
                        Sex.valueOf(rs.getString("sex")),
                        rs.getDouble("height_cm"),
                        rs.getDouble("weight_kg")),
                new Location(
                        rs.getString("city"),
                        rs.getString("state"),
                        new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude"))),
                HlaText.typing(rs.getString("hla_typing")),
                new MedicalHistory(
                        rs.getBoolean("hypertension"),
                        rs.getBoolean("diabetes"),
                        rs.getString("medical_notes")),
                Sql.instant(rs, "consent_given_at"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
