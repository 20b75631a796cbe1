package org.ramsetu.platform.registry.donors;

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

/** Donor profiles in PostgreSQL; every update names the version it replaces. */
@NamedInterface("donors")
public class DonorProfiles implements ProfileKeeping.Store<DonorProfile> {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            account_id, blood_group, date_of_birth, sex, height_cm, weight_kg, city, city_key,
            state, latitude, longitude, hla_typing, hypertension, diabetes, medical_notes,
            consent_given_at, created_at, updated_at, version
            """;

    private final JdbcClient jdbc;
    private final ProfileRows<DonorProfile> rows;

    public DonorProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows =
                new ProfileRows<>(
                        jdbc,
                        "donor_profile",
                        COLUMNS,
                        DonorProfiles::map,
                        DonorProfile::accountId);
    }

    /** The profile of {@code account}: the finder other modules use. */
    public Optional<DonorProfile> find(AccountId account) {
        return find(account.value());
    }

    @Override
    public Optional<DonorProfile> find(UUID accountId) {
        return rows.find(accountId);
    }

    /** The profiles of several accounts at once, for lists (an account without one is left out). */
    public Map<AccountId, DonorProfile> find(Collection<AccountId> accounts) {
        return rows.find(accounts);
    }

    /**
     * @return false when the donor has a profile already (someone else created it meanwhile)
     */
    @Override
    public boolean insert(DonorProfile p) {
        return Sql.wroteRow(
                jdbc,
                """
                insert into donor_profile (account_id, blood_group, date_of_birth,
                    sex, height_cm, weight_kg, city, city_key, state, latitude,
                    longitude, hla_typing, hypertension, diabetes, medical_notes,
                    consent_given_at, created_at, updated_at, version)
                values (:id, :blood, :dob, :sex, :height, :weight, :city, :cityKey,
                    :state, :lat, :lon, :hla, :htn, :dm, :notes, :consent,
                    :created, :updated, :version)
                on conflict (account_id) do nothing
                """,
                values(p));
    }

    /**
     * @return false when the stored version is no longer {@code p.version() - 1}
     */
    @Override
    public boolean update(DonorProfile p) {
        return Sql.wroteRow(
                jdbc,
                """
                update donor_profile set blood_group = :blood, date_of_birth = :dob,
                    sex = :sex, height_cm = :height, weight_kg = :weight,
                    city = :city, city_key = :cityKey, state = :state,
                    latitude = :lat, longitude = :lon, hla_typing = :hla,
                    hypertension = :htn, diabetes = :dm, medical_notes = :notes,
                    updated_at = :updated, version = :version
                where account_id = :id and version = :version - 1
                """,
                values(p));
    }

    private static Map<String, Object> values(DonorProfile p) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", p.accountId());
        ProfileColumns.bind(v, p.person());
        ProfileColumns.bind(v, p.location());
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
                ProfileColumns.person(rs),
                ProfileColumns.place(rs, ""),
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
