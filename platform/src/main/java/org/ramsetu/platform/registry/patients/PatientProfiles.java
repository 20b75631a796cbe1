package org.ramsetu.platform.registry.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.HlaText;
import org.ramsetu.platform.registry.common.ProfileColumns;
import org.ramsetu.platform.registry.common.ProfileKeeping;
import org.ramsetu.platform.registry.common.ProfileRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;

/** Patient profiles in PostgreSQL; every update names the version it replaces. */
@NamedInterface("patients")
public class PatientProfiles implements ProfileKeeping.Store<PatientProfile> {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            account_id, blood_group, date_of_birth, sex, height_cm, weight_kg, hla_typing,
            unacceptable_antigens, hospital_name, hospital_city, hospital_city_key, hospital_state,
            hospital_latitude, hospital_longitude, created_at, updated_at, version
            """;

    private final JdbcClient jdbc;
    private final ProfileRows<PatientProfile> rows;

    public PatientProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows =
                new ProfileRows<>(
                        jdbc,
                        "patient_profile",
                        COLUMNS,
                        PatientProfiles::map,
                        PatientProfile::accountId);
    }

    /** The profile of {@code account}: the finder other modules use. */
    public Optional<PatientProfile> find(AccountId account) {
        return find(account.value());
    }

    @Override
    public Optional<PatientProfile> find(UUID accountId) {
        return rows.find(accountId);
    }

    /** The profiles of several accounts at once, for lists (an account without one is left out). */
    public Map<AccountId, PatientProfile> find(Collection<AccountId> accounts) {
        return rows.find(accounts);
    }

    /**
     * @return false when the patient has a profile already (someone created it meanwhile)
     */
    @Override
    public boolean insert(PatientProfile p) {
        return Sql.wroteRow(
                jdbc,
                """
                insert into patient_profile (account_id, blood_group, date_of_birth,
                    sex, height_cm, weight_kg, hla_typing, unacceptable_antigens,
                    hospital_name, hospital_city, hospital_city_key,
                    hospital_state, hospital_latitude, hospital_longitude,
                    created_at, updated_at, version)
                values (:id, :blood, :dob, :sex, :height, :weight, :hla, :unacceptable,
                    :hospital, :city, :cityKey, :state, :lat, :lon, :created,
                    :updated, :version)
                on conflict (account_id) do nothing
                """,
                values(p));
    }

    /**
     * @return false when the stored version is no longer {@code p.version() - 1}
     */
    @Override
    public boolean update(PatientProfile p) {
        return Sql.wroteRow(
                jdbc,
                """
                update patient_profile set blood_group = :blood,
                    date_of_birth = :dob, sex = :sex, height_cm = :height,
                    weight_kg = :weight, hla_typing = :hla,
                    unacceptable_antigens = :unacceptable,
                    hospital_name = :hospital, hospital_city = :city,
                    hospital_city_key = :cityKey, hospital_state = :state,
                    hospital_latitude = :lat, hospital_longitude = :lon,
                    updated_at = :updated, version = :version
                where account_id = :id and version = :version - 1
                """,
                values(p));
    }

    private static Map<String, Object> values(PatientProfile p) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", p.accountId());
        ProfileColumns.bind(v, p.person());
        v.put("hla", HlaText.format(p.hla()));
        v.put("unacceptable", HlaText.format(p.unacceptableAntigens()));
        v.put("hospital", p.hospital().name());
        ProfileColumns.bind(v, p.hospital().location());
        v.put("created", Sql.timestamp(p.createdAt()));
        v.put("updated", Sql.timestamp(p.updatedAt()));
        v.put("version", p.version());
        return v;
    }

    private static PatientProfile map(ResultSet rs, int row) throws SQLException {
        return new PatientProfile(
                rs.getObject("account_id", UUID.class),
                ProfileColumns.person(rs),
                HlaText.typing(rs.getString("hla_typing")),
                HlaText.antigens(rs.getString("unacceptable_antigens")),
                new Hospital(rs.getString("hospital_name"), ProfileColumns.place(rs, "hospital_")),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
