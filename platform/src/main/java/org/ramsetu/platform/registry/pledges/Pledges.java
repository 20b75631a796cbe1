package org.ramsetu.platform.registry.pledges;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.ListOrder;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.ListingFilter;
import org.ramsetu.platform.registry.common.ListingTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;

/** Pledges in PostgreSQL. Changes name the version they replace (optimistic concurrency). */
@NamedInterface("pledges")
public class Pledges {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            id, donor_id, organ, status, consent_given_at, tests, rejection_reason, created_at,
            status_changed_at, status_changed_by, version, donor_blood_group, donor_city_key,
            donor_state
            """;

    private static final String EXPORT =
            """
            select p.id, p.donor_id, a.full_name, a.email, p.organ, p.status, d.blood_group,
                d.city, d.state, p.created_at, p.status_changed_at, p.rejection_reason
            from pledge p join account_holder a on a.id = p.donor_id
                left join donor_profile d on d.account_id = p.donor_id
            """;

    private static final String LISTING =
            "select "
                    + Sql.qualified("p", COLUMNS)
                    + """
                    , d.blood_group, d.city, d.state
                    from pledge p left join donor_profile d on d.account_id = p.donor_id
                    """;

    private static final ListingTable.Statements STATEMENTS =
            new ListingTable.Statements(
                    "select " + COLUMNS + " from pledge",
                    """
                    update pledge set status = :status, rejection_reason = :reason,
                        status_changed_at = :changed, status_changed_by = :by, version = :version
                    where id = :id and version = :version - 1
                    """,
                    "donor_id = :owner and organ = :organ and status in ('PENDING', 'VERIFIED')",
                    LISTING,
                    EXPORT,
                    new ListingFilter.Columns(
                            "p.donor_id",
                            "p.status",
                            "p.organ",
                            "p.donor_city_key",
                            "p.donor_state",
                            "p.donor_blood_group"),
                    "p.created_at",
                    "p.id");

    private final JdbcClient jdbc;
    private final ListingTable<Pledge, PledgeListing> table;

    public Pledges(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new ListingTable<>(jdbc, STATEMENTS, Pledges::pledge, Pledges::listing);
    }

    /**
     * Inserts the pledge unless the donor has an open pledge of that organ; the partial unique
     * index decides, so two concurrent pledges cannot both get in.
     *
     * @return false when an open pledge of the organ exists
     */
    public boolean insertIfNoneOpen(Pledge p) {
        return jdbc.sql(
                                """
                                insert into pledge (id, donor_id, organ, status, consent_given_at,
                                    tests, rejection_reason, created_at, status_changed_at,
                                    status_changed_by, version)
                                values (:id, :donor, :organ, :status, :consent,
                                    cast(:tests as jsonb), :reason, :created, :changed, :by,
                                    :version)
                                on conflict (donor_id, organ)
                                    where status in ('PENDING', 'VERIFIED') do nothing
                                """)
                        .params(ListingTable.statusValues(p))
                        .param("donor", p.donorId())
                        .param("organ", p.organ().name())
                        .param("consent", Sql.timestamp(p.consentGivenAt()))
                        .param("tests", PledgeTests.toJson(p.tests()))
                        .param("created", Sql.timestamp(p.createdAt()))
                        .update()
                > 0;
    }

    /**
     * Writes a transition.
     *
     * @return false when the stored version is no longer {@code p.version() - 1}
     */
    boolean update(Pledge p) {
        return table.update(p);
    }

    public Optional<Pledge> find(UUID id) {
        return table.find(id);
    }

    /** The pledge, for another module (typed id at the module's face). */
    public Optional<Pledge> find(PledgeId id) {
        return table.find(id.value());
    }

    public Optional<PledgeListing> findListing(UUID id) {
        return table.findListing(id);
    }

    Optional<Pledge> findOpen(UUID donorId, Organ organ) {
        return table.findOpen(donorId, organ);
    }

    /**
     * In {@code order}; up to {@code page.limit() + 1} rows, so the caller knows if more follow.
     */
    List<PledgeListing> page(
            ListingFilter<PledgeStatus> filter, PageRequest page, ListOrder order) {
        return table.page(filter, page, order);
    }

    long count(ListingFilter<PledgeStatus> filter) {
        return table.count(filter);
    }

    /**
     * The list query in keyset order; public so that a test can check that an index answers it
     * (docs/registry.md lists which).
     */
    public static ListQuery.Statement pageQuery(
            ListingFilter<PledgeStatus> filter, PageRequest page) {
        return pageQuery(filter, page, ListOrder.NEWEST_FIRST);
    }

    /** The list query from the end {@code order} names, for the same check. */
    public static ListQuery.Statement pageQuery(
            ListingFilter<PledgeStatus> filter, PageRequest page, ListOrder order) {
        return STATEMENTS.pageQuery(filter, page, order);
    }

    /** The list's count, as {@link #pageQuery} is its page: public for the same reason. */
    public static ListQuery.Statement countQuery(ListingFilter<PledgeStatus> filter) {
        return STATEMENTS.countQuery(filter);
    }

    /** The same list, whole and unpaged, for the coordinators' CSV export. */
    public static ListQuery.Statement exportQuery(ListingFilter<PledgeStatus> filter) {
        return STATEMENTS.exportQuery(filter);
    }

    private static PledgeListing listing(ResultSet rs, int row) throws SQLException {
        return new PledgeListing(
                pledge(rs, row),
                rs.getString("blood_group"),
                rs.getString("city"),
                rs.getString("state"));
    }

    private static Pledge pledge(ResultSet rs, int row) throws SQLException {
        Organ organ = Organ.valueOf(rs.getString("organ"));
        return new Pledge(
                rs.getObject("id", UUID.class),
                rs.getObject("donor_id", UUID.class),
                organ,
                PledgeStatus.valueOf(rs.getString("status")),
                PledgeTests.fromJson(organ, rs.getString("tests")),
                Sql.instant(rs, "consent_given_at"),
                rs.getString("rejection_reason"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "status_changed_at"),
                rs.getObject("status_changed_by", UUID.class),
                rs.getLong("version"));
    }
}
