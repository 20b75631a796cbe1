package org.ramsetu.platform.donation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.HlaText;
import org.ramsetu.platform.registry.common.Location;
import org.ramsetu.platform.registry.patients.Hospital;
import org.ramsetu.platform.registry.pledges.OrganTestResults;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Donation cases in PostgreSQL; every update names the version it replaces. */
public class DonationCases {

    private static final String COLUMNS =
            """
            id, status, consent_basis, pledge_id, donor_id, age_years, sex, height_cm, weight_kg,
            blood_group, hla_typing, cause_of_death, pathway, terminal_creatinine_mg_dl,
            hypertension, diabetes, hcv, hbv, hiv, declared_dead_at, hospital_name, hospital_city,
            hospital_state, hospital_latitude, hospital_longitude, organs_consented,
            organs_recovered, cross_clamp_at, organ_assessments, opened_by, opened_at, updated_by,
            updated_at, version
            """;

    private final JdbcClient jdbc;

    public DonationCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return false when the donor already has a case (one per donor, whichever pledge), or a case
     *     with this id exists (a demo load run again)
     */
    public boolean insert(DonationCase c) {
        return Sql.wroteRow(
                jdbc,
                """
                insert into donation_case (id, status, consent_basis, pledge_id,
                    donor_id, age_years, sex, height_cm, weight_kg, blood_group,
                    hla_typing, cause_of_death, pathway, terminal_creatinine_mg_dl,
                    hypertension, diabetes, hcv, hbv, hiv, declared_dead_at,
                    hospital_name, hospital_city, hospital_state,
                    hospital_latitude, hospital_longitude, organs_consented,
                    organs_recovered, cross_clamp_at, organ_assessments,
                    opened_by, opened_at, updated_by, updated_at, version)
                values (:id, :status, :consent, :pledge, :donor, :age, :sex,
                    :height, :weight, :blood, :hla, :cause, :pathway, :creatinine,
                    :htn, :dm, :hcv, :hbv, :hiv, :dead, :hospital, :city, :state,
                    :lat, :lon, :consented, :recovered, :clamp,
                    cast(:assessments as jsonb), :openedBy, :openedAt, :updatedBy,
                    :updatedAt, :version)
                on conflict do nothing
                """,
                values(c));
    }

    /**
     * @return false when the stored version is no longer {@code c.version() - 1}
     */
    boolean update(DonationCase c) {
        return Sql.wroteRow(
                jdbc,
                """
                update donation_case set status = :status, age_years = :age,
                    sex = :sex, height_cm = :height, weight_kg = :weight,
                    blood_group = :blood, hla_typing = :hla,
                    cause_of_death = :cause, pathway = :pathway,
                    terminal_creatinine_mg_dl = :creatinine,
                    hypertension = :htn, diabetes = :dm, hcv = :hcv, hbv = :hbv,
                    hiv = :hiv, declared_dead_at = :dead,
                    hospital_name = :hospital, hospital_city = :city,
                    hospital_state = :state, hospital_latitude = :lat,
                    hospital_longitude = :lon, organs_consented = :consented,
                    organs_recovered = :recovered, cross_clamp_at = :clamp,
                    organ_assessments = cast(:assessments as jsonb),
                    updated_by = :updatedBy, updated_at = :updatedAt,
                    version = :version
                where id = :id and version = :version - 1
                """,
                values(c));
    }

    Optional<DonationCase> find(DonationCaseId id) {
        return jdbc.sql("select " + COLUMNS + " from donation_case where id = :id")
                .param("id", id.value())
                .query(DonationCases::map)
                .optional();
    }

    boolean exists(DonationCaseId id) {
        return jdbc.sql("select exists (select 1 from donation_case where id = :id)")
                .param("id", id.value())
                .query(Boolean.class)
                .single();
    }

    /** The case, its row locked until the caller's transaction ends. */
    Optional<DonationCase> findForUpdate(DonationCaseId id) {
        return jdbc.sql("select " + COLUMNS + " from donation_case where id = :id for update")
                .param("id", id.value())
                .query(DonationCases::map)
                .optional();
    }

    /** The case opened for a donor, if any. */
    Optional<DonationCaseId> ofDonor(UUID donorId) {
        return jdbc.sql("select id from donation_case where donor_id = :donor")
                .param("donor", donorId)
                .query((rs, row) -> new DonationCaseId(rs.getObject("id", UUID.class)))
                .optional();
    }

    /**
     * Newest first, up to {@code limit} rows after the cursor (null for the first page); ask for
     * one row more than a page to know whether another follows.
     *
     * @param status null for every status
     */
    List<DonationCase> page(@Nullable CaseStatus status, @Nullable Cursor after, int limit) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from donation_case where true"
                                + (status == null ? "" : " and status = :status")
                                + (after == null ? "" : " and (opened_at, id) < (:at, :after)")
                                + " order by opened_at desc, id desc limit :limit")
                .param("status", status == null ? null : status.name())
                .param("at", after == null ? null : Sql.timestamp(after.at()))
                .param("after", after == null ? null : after.id())
                .param("limit", limit)
                .query(DonationCases::map)
                .list();
    }

    /** How many cases there are in a status (null: all), for the list's "n of total". */
    long count(@Nullable CaseStatus status) {
        return jdbc.sql(
                        "select count(*) from donation_case"
                                + (status == null ? "" : " where status = :status"))
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> values(DonationCase c) {
        DonorRecord r = c.record();
        Map<String, Object> v = new HashMap<>();
        v.put("id", c.id().value());
        v.put("status", c.status().name());
        v.put("consent", c.consent().name());
        v.put("pledge", c.pledgeId());
        v.put("donor", c.donorId());
        v.put("age", r.ageYears());
        v.put("sex", r.sex().name());
        v.put("height", r.heightCm());
        v.put("weight", r.weightKg());
        v.put("blood", r.bloodGroup().toString());
        v.put("hla", HlaText.format(r.hla()));
        v.put("cause", r.causeOfDeath().name());
        v.put("pathway", r.pathway().name());
        v.put("creatinine", r.terminalCreatinineMgDl());
        v.put("htn", r.hypertension());
        v.put("dm", r.diabetes());
        v.put("hcv", r.serology().hcv().name());
        v.put("hbv", r.serology().hbv().name());
        v.put("hiv", r.serology().hiv().name());
        v.put("dead", Sql.timestamp(r.declaredDeadAt()));
        v.put("hospital", r.hospital().name());
        v.put("city", r.hospital().location().city());
        v.put("state", r.hospital().location().state());
        v.put("lat", r.hospital().location().coordinates().latitude());
        v.put("lon", r.hospital().location().coordinates().longitude());
        v.put("consented", organNames(r.organsConsented()));
        v.put("recovered", c.organsRecovered() == null ? null : organNames(c.organsRecovered()));
        v.put("clamp", c.crossClampAt() == null ? null : Sql.timestamp(c.crossClampAt()));
        v.put("assessments", OrganTestResults.toJson(c.assessments()));
        v.put("openedBy", c.openedBy());
        v.put("openedAt", Sql.timestamp(c.openedAt()));
        v.put("updatedBy", c.updatedBy());
        v.put("updatedAt", Sql.timestamp(c.updatedAt()));
        v.put("version", c.version());
        return v;
    }

    private static String[] organNames(Set<Organ> organs) {
        return DonorRecordBody.organNames(organs).toArray(String[]::new);
    }

    private static @Nullable Set<Organ> organs(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        Set<Organ> organs = EnumSet.noneOf(Organ.class);
        Arrays.stream((String[]) array.getArray()).map(Organ::valueOf).forEach(organs::add);
        return organs;
    }

    private static DonationCase map(ResultSet rs, int row) throws SQLException {
        DonorRecord record =
                new DonorRecord(
                        rs.getInt("age_years"),
                        Sex.valueOf(rs.getString("sex")),
                        rs.getDouble("height_cm"),
                        rs.getDouble("weight_kg"),
                        BloodGroup.parse(rs.getString("blood_group")),
                        HlaText.typing(rs.getString("hla_typing")),
                        CauseOfDeath.valueOf(rs.getString("cause_of_death")),
                        DonationPathway.valueOf(rs.getString("pathway")),
                        rs.getDouble("terminal_creatinine_mg_dl"),
                        rs.getBoolean("hypertension"),
                        rs.getBoolean("diabetes"),
                        new DonorRecord.Serology(
                                SerologyResult.valueOf(rs.getString("hcv")),
                                SerologyResult.valueOf(rs.getString("hbv")),
                                SerologyResult.valueOf(rs.getString("hiv"))),
                        Sql.instant(rs, "declared_dead_at"),
                        new Hospital(
                                rs.getString("hospital_name"),
                                new Location(
                                        rs.getString("hospital_city"),
                                        rs.getString("hospital_state"),
                                        new Coordinates(
                                                rs.getDouble("hospital_latitude"),
                                                rs.getDouble("hospital_longitude")))),
                        organs(rs, "organs_consented"));
        return new DonationCase(
                new DonationCaseId(rs.getObject("id", UUID.class)),
                CaseStatus.valueOf(rs.getString("status")),
                ConsentBasis.valueOf(rs.getString("consent_basis")),
                rs.getObject("pledge_id", UUID.class),
                rs.getObject("donor_id", UUID.class),
                record,
                organs(rs, "organs_recovered"),
                Sql.instant(rs, "cross_clamp_at"),
                OrganTestResults.fromJson(rs.getString("organ_assessments")),
                rs.getObject("opened_by", UUID.class),
                Sql.instant(rs, "opened_at"),
                rs.getObject("updated_by", UUID.class),
                Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
