package org.ramsetu.platform.registry.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.LabRecertification;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.ListingFilter;
import org.ramsetu.platform.registry.common.ListingTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import tools.jackson.databind.json.JsonMapper;

/** Transplant requests in PostgreSQL. Changes name the version they replace. */
@NamedInterface("requests")
public class TransplantRequests {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            id, patient_id, organ, status, urgency, clinical, meld_na, meld_na_version, meld_3,
            meld_3_version, epts_raw, epts_percentile, epts_version, epts_table_version,
            epts_provisional, heart_status, heart_status_version, listed_at, removal_reason,
            status_changed_at, status_changed_by, version, patient_blood_group, hospital_city_key,
            hospital_state, centre_id, verified_at, verified_by, urgency_evidence,
            unverified_fields
            """;

    /** The statuses of an open listing, as stored: one per patient and organ. */
    private static final String OPEN_STATUSES = "status in ('PENDING', 'WAITING', 'MATCHED')";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String EXPORT =
            """
            select r.id, r.patient_id, a.full_name, a.email, r.organ,
                case r.status when 'PENDING' then 'PENDING_VERIFICATION' else r.status end
                    as status, r.urgency,
                p.blood_group, p.hospital_name, p.hospital_city, p.hospital_state, r.listed_at,
                r.meld_na, r.meld_3, r.epts_percentile, r.heart_status, r.removal_reason
            from transplant_request r join account_holder a on a.id = r.patient_id
                left join patient_profile p on p.account_id = r.patient_id
            """;

    private static final String LISTING =
            "select "
                    + Sql.qualified("r", COLUMNS)
                    + """
                    , p.blood_group, p.hospital_name, p.hospital_city, p.hospital_state,
                        c.name as centre_name, c.city as centre_city, c.state as centre_state,
                        l.labs_due_at, a.full_name as patient_name
                    from transplant_request r left join patient_profile p on p.account_id = r.patient_id
                        left join account_holder a on a.id = r.patient_id
                        left join listing_centre c on c.id = r.centre_id
                        left join transplant_request_labs l on l.request_id = r.id
                    """;

    private static final ListingTable.Statements STATEMENTS =
            new ListingTable.Statements(
                    "select " + COLUMNS + " from transplant_request",
                    """
                    update transplant_request set status = :status, removal_reason = :reason,
                        status_changed_at = :changed, status_changed_by = :by, version = :version
                    where id = :id and version = :version - 1
                    """,
                    "patient_id = :owner and organ = :organ and " + OPEN_STATUSES,
                    LISTING,
                    EXPORT,
                    new ListingFilter.Columns(
                            "r.patient_id",
                            "r.status",
                            "r.organ",
                            "r.hospital_city_key",
                            "r.hospital_state",
                            "r.patient_blood_group",
                            "r.centre_id"),
                    "r.listed_at",
                    "r.id");

    private final JdbcClient jdbc;
    private final ListingTable<TransplantRequest, RequestListing> table;

    public TransplantRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table =
                new ListingTable<>(
                        jdbc, STATEMENTS, TransplantRequests::request, TransplantRequests::listing);
    }

    /**
     * Inserts the request unless the patient has an open request for the organ; the partial unique
     * index decides, so two concurrent requests cannot both get in.
     *
     * @return false when an open request for the organ exists
     */
    public boolean insertIfNoneOpen(TransplantRequest r) {
        Map<String, Object> v = ListingTable.statusValues(r);
        v.put("patient", r.patientId());
        v.put("organ", r.organ().name());
        v.put("urgency", r.urgency());
        v.put("centre", r.centreId());
        TransplantRequest.Verification check = r.verification();
        v.put("verifiedAt", check == null ? null : Sql.timestamp(check.at()));
        v.put("verifiedBy", check == null ? null : check.by());
        v.put("evidence", check == null ? null : check.evidence());
        v.put("clinical", JSON.writeValueAsString(r.clinical()));
        v.putAll(ScoreColumns.values(r.scores()));
        v.put("listed", Sql.timestamp(r.listedAt()));
        // The clinical values are reported with the listing; the nightly recomputation keeps the
        // due date in step with the configured schedule (docs/reminders.md).
        v.put(
                "labsDue",
                Sql.timestamp(
                        LabRecertification.STANDARD.dueAt(
                                r.organ(), recertificationMeld(r.scores()), r.listedAt())));
        boolean inserted =
                jdbc.sql(
                                        """
                                        insert into transplant_request (id, patient_id, organ,
                                            status, urgency, clinical, meld_na, meld_na_version,
                                            meld_3, meld_3_version, epts_raw, epts_percentile,
                                            epts_version, epts_table_version, epts_provisional,
                                            heart_status, heart_status_version, listed_at,
                                            removal_reason, status_changed_at, status_changed_by,
                                            centre_id, verified_at, verified_by, urgency_evidence,
                                            version)
                                        values (:id, :patient, :organ, :status, :urgency,
                                            cast(:clinical as jsonb), :meldNa, :meldNaVersion,
                                            :meld3, :meld3Version, :eptsRaw, :eptsPercentile,
                                            :eptsVersion, :eptsTable, :eptsProvisional, :heart,
                                            :heartVersion, :listed, :reason, :changed, :by,
                                            :centre, :verifiedAt, :verifiedBy, :evidence,
                                            :version)
                                        on conflict (patient_id, organ) where
                                        """
                                                + OPEN_STATUSES
                                                + " do nothing")
                                .params(v)
                                .update()
                        > 0;
        if (inserted) {
            // In the listing's transaction (the caller's): a listing never lacks its due date.
            jdbc.sql(
                            """
                            insert into transplant_request_labs (request_id, labs_reported_at,
                                labs_due_at)
                            values (:id, :listed, :labsDue)
                            """)
                    .params(v)
                    .update();
        }
        return inserted;
    }

    /** The MELD that sets a liver listing's recertification band; null for other organs. */
    private static Integer recertificationMeld(ClinicalScores scores) {
        return LabRecertification.bandMeld(
                scores.meldNa() == null ? null : scores.meldNa().score(),
                scores.meld3() == null ? null : scores.meld3().score());
    }

    /**
     * Writes a transition.
     *
     * @return false when the stored version is no longer {@code r.version() - 1}
     */
    boolean update(TransplantRequest r) {
        return table.update(r);
    }

    /**
     * Writes a verification: the status, the urgency the centre set, the centre and who checked.
     *
     * @return false when the stored version is no longer {@code r.version() - 1}
     */
    boolean updateVerified(TransplantRequest r) {
        TransplantRequest.Verification check = r.verification();
        Map<String, Object> v = ListingTable.statusValues(r);
        v.put("urgency", r.urgency());
        v.put("centre", r.centreId());
        v.put("verifiedAt", Sql.timestamp(check.at()));
        v.put("verifiedBy", check.by());
        v.put("evidence", check.evidence());
        return jdbc.sql(
                                """
                                update transplant_request set status = :status, urgency = :urgency,
                                    centre_id = :centre, verified_at = :verifiedAt,
                                    verified_by = :verifiedBy, urgency_evidence = :evidence,
                                    unverified_fields = null, status_changed_at = :changed, status_changed_by = :by,
                                    version = :version
                                where id = :id and version = :version - 1
                                """)
                        .params(v)
                        .update()
                > 0;
    }

    /**
     * Writes new clinical values with their scores and status, and restarts the labs' due date from
     * now (the values are as of now).
     *
     * @return false when the stored version is no longer {@code r.version() - 1}
     */
    boolean updateClinical(TransplantRequest r) {
        Map<String, Object> v = ListingTable.statusValues(r);
        v.put("clinical", JSON.writeValueAsString(r.clinical()));
        v.putAll(ScoreColumns.values(r.scores()));
        v.put("unverified", r.unverifiedFields().toArray(String[]::new));
        v.put(
                "labsDue",
                Sql.timestamp(
                        LabRecertification.STANDARD.dueAt(
                                r.organ(), recertificationMeld(r.scores()), r.statusChangedAt())));
        boolean updated =
                jdbc.sql(
                                        """
                                        update transplant_request set status = :status,
                                            clinical = cast(:clinical as jsonb), meld_na = :meldNa,
                                            meld_na_version = :meldNaVersion, meld_3 = :meld3,
                                            meld_3_version = :meld3Version, epts_raw = :eptsRaw,
                                            epts_percentile = :eptsPercentile,
                                            epts_version = :eptsVersion,
                                            epts_table_version = :eptsTable,
                                            epts_provisional = :eptsProvisional,
                                            heart_status = :heart,
                                            heart_status_version = :heartVersion,
                                            unverified_fields = :unverified,
                                            status_changed_at = :changed,
                                            status_changed_by = :by, version = :version
                                        where id = :id and version = :version - 1
                                        """)
                                .params(v)
                                .update()
                        > 0;
        if (updated) {
            jdbc.sql(
                            """
                            update transplant_request_labs set labs_reported_at = :changed,
                                labs_due_at = :labsDue
                            where request_id = :id
                            """)
                    .params(v)
                    .update();
        }
        return updated;
    }

    Optional<TransplantRequest> find(UUID id) {
        return table.find(id);
    }

    /**
     * The request, for a change to it.
     *
     * @throws DomainException NotFound for an unknown request
     */
    TransplantRequest existing(UUID id) {
        return find(id).orElseThrow(() -> new NotFound(ReadingTransplantRequests.KIND, id));
    }

    /**
     * Where the request's patient is listed, as the register of centres verified it; empty for a
     * request listed before centres existed.
     */
    public Optional<Coordinates> centreCoordinates(TransplantRequest r) {
        if (r.centreId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("select latitude, longitude from listing_centre where id = :id")
                .param("id", r.centreId())
                .query((rs, row) -> new Coordinates(rs.getDouble(1), rs.getDouble(2)))
                .optional();
    }

    /**
     * The waiting listings of these patients that no centre has taken on: listed before the
     * register of centres existed, or loaded (the demo) before the first coordinator account.
     */
    public List<TransplantRequest> waitingWithoutCentre(Collection<AccountId> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from transplant_request where patient_id = any(:patients)"
                                + " and status = 'WAITING' and centre_id is null")
                .param("patients", patients.stream().map(AccountId::value).toArray(UUID[]::new))
                .query(TransplantRequests::request)
                .list();
    }

    /**
     * A waiting listing without a centre, taken on by {@code centre} and checked as a centre's
     * verification records it (the urgency stays as listed). For data loaded without a centre to
     * list at (the demo): a live listing is taken on through {@code ChangingRequestStatus}.
     *
     * @return false when a centre took it on meanwhile, or it is no longer waiting
     */
    public boolean takeOn(
            RequestId request, TransplantCentreId centre, TransplantRequest.Verification check) {
        return jdbc.sql(
                                """
                                update transplant_request set centre_id = :centre,
                                    verified_at = :at, verified_by = :by,
                                    urgency_evidence = :evidence, version = version + 1
                                where id = :id and status = 'WAITING' and centre_id is null
                                """)
                        .param("centre", centre.value())
                        .param("at", Sql.timestamp(check.at()))
                        .param("by", check.by())
                        .param("evidence", check.evidence())
                        .param("id", request.value())
                        .update()
                == 1;
    }

    /** The request, for other modules. */
    public Optional<TransplantRequest> find(RequestId request) {
        return table.find(request.value());
    }

    public Optional<RequestListing> findListing(UUID id) {
        return table.findListing(id);
    }

    Optional<TransplantRequest> findOpen(UUID patientId, Organ organ) {
        return table.findOpen(patientId, organ);
    }

    /**
     * In {@code order}; up to {@code page.limit() + 1} rows, so the caller knows if more follow.
     */
    List<RequestListing> page(
            ListingFilter<RequestStatus> filter, PageRequest page, RequestOrder order) {
        return order.key() == null
                ? table.page(filter, page, order.time())
                : table.rankedPage(filter, page, order.parameter(), order.key());
    }

    long count(ListingFilter<RequestStatus> filter) {
        return table.count(filter);
    }

    /**
     * The list query in keyset order; public so that a test can check that an index answers it
     * (docs/registry.md lists which).
     */
    public static ListQuery.Statement pageQuery(
            ListingFilter<RequestStatus> filter, PageRequest page) {
        return pageQuery(filter, page, RequestOrder.NEWEST);
    }

    /** The list query in {@code order}, for the same check. */
    public static ListQuery.Statement pageQuery(
            ListingFilter<RequestStatus> filter, PageRequest page, RequestOrder order) {
        return order.key() == null
                ? STATEMENTS.pageQuery(filter, page, order.time())
                : STATEMENTS.rankedPageQuery(filter, page, order.parameter(), order.key());
    }

    /** The list's count, as {@link #pageQuery} is its page: public for the same reason. */
    public static ListQuery.Statement countQuery(ListingFilter<RequestStatus> filter) {
        return STATEMENTS.countQuery(filter);
    }

    /** The same list, whole and unpaged, for the coordinators' CSV export. */
    public static ListQuery.Statement exportQuery(ListingFilter<RequestStatus> filter) {
        return STATEMENTS.exportQuery(filter);
    }

    private static RequestListing listing(ResultSet rs, int row) throws SQLException {
        return new RequestListing(
                request(rs, row),
                rs.getString("blood_group"),
                rs.getString("hospital_name"),
                rs.getString("hospital_city"),
                rs.getString("hospital_state"),
                rs.getString("centre_name"),
                rs.getString("centre_city"),
                rs.getString("centre_state"),
                Sql.instant(rs, "labs_due_at"),
                rs.getString("patient_name"));
    }

    private static TransplantRequest request(ResultSet rs, int row) throws SQLException {
        Organ organ = Organ.valueOf(rs.getString("organ"));
        return new TransplantRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                organ,
                RequestStatus.ofStored(rs.getString("status")),
                rs.getInt("urgency"),
                clinical(organ, rs.getString("clinical")),
                ScoreColumns.read(rs),
                Sql.instant(rs, "listed_at"),
                rs.getString("removal_reason"),
                Sql.instant(rs, "status_changed_at"),
                rs.getObject("status_changed_by", UUID.class),
                rs.getObject("centre_id", UUID.class),
                verification(rs),
                Sql.textList(rs, "unverified_fields"),
                rs.getLong("version"));
    }

    private static TransplantRequest.Verification verification(ResultSet rs) throws SQLException {
        Instant at = Sql.instant(rs, "verified_at");
        return at == null
                ? null
                : new TransplantRequest.Verification(
                        at,
                        rs.getObject("verified_by", UUID.class),
                        rs.getString("urgency_evidence"));
    }

    private static ClinicalValues clinical(Organ organ, String json) {
        return switch (organ) {
            case LIVER -> JSON.readValue(json, LiverValues.class);
            case KIDNEY -> JSON.readValue(json, KidneyValues.class);
            case HEART -> JSON.readValue(json, HeartValues.class);
            case CORNEA -> JSON.readValue(json, CorneaValues.class);
        };
    }
}
