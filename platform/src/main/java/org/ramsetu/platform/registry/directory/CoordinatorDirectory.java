package org.ramsetu.platform.registry.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.infra.database.ReplicaReads;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.springframework.modulith.NamedInterface;

/**
 * Donors and patients for coordinators: search by the start of a name or e-mail address, filter by
 * city, state and blood group, newest first in keyset pages (each filter has an index in that
 * order, V131). Read from the replica when one keeps up ({@link ReplicaReads}): a directory
 * tolerates seconds of staleness, and nothing is written on the strength of it.
 *
 * <p>Names and e-mail addresses come from the accounts' published view {@code account_holder}
 * (V215), not from their table.
 */
@NamedInterface("directory")
public class CoordinatorDirectory {

    /** Which side of the registry a directory lists. */
    public enum Side {
        DONORS(
                """
                select a.id, a.full_name, a.email, x.blood_group, x.city as place, x.city,
                    x.state, x.created_at,
                    (select count(*) from pledge p where p.donor_id = a.id
                        and p.status in ('PENDING', 'VERIFIED')) as open_records
                from donor_profile x join account_holder a on a.id = x.account_id
                """,
                "select 1 from donor_profile x join account_holder a on a.id = x.account_id",
                "x.city_key",
                "x.state"),
        PATIENTS(
                """
                select a.id, a.full_name, a.email, x.blood_group, x.hospital_name as place,
                    x.hospital_city as city, x.hospital_state as state, x.created_at,
                    (select count(*) from transplant_request r where r.patient_id = a.id
                        and r.status in ('PENDING', 'WAITING')) as open_records
                from patient_profile x join account_holder a on a.id = x.account_id
                """,
                "select 1 from patient_profile x join account_holder a on a.id = x.account_id",
                "x.hospital_city_key",
                "x.hospital_state");

        private final String select;
        private final String counted;
        private final String cityColumn;
        private final String stateColumn;

        Side(String select, String counted, String cityColumn, String stateColumn) {
            this.select = select;
            this.counted = counted;
            this.cityColumn = cityColumn;
            this.stateColumn = stateColumn;
        }
    }

    /**
     * @param search the start of a name or e-mail address, any case; null for all
     * @param cityKey lower-case city, as the registry keys it
     */
    public record Filter(String search, String cityKey, String state, List<String> bloodGroups) {}

    private final ReplicaReads reads;

    public CoordinatorDirectory(ReplicaReads reads) {
        this.reads = reads;
    }

    /** A page, newest first, with how many the filters select (the directory's "n of total"). */
    public Page<DirectoryEntry> page(Side side, Filter filter, PageRequest page) {
        ListQuery.Statement query = pageQuery(side, filter, page);
        ListQuery.Statement count = countQuery(side, filter);
        return Page.of(
                        reads.jdbc()
                                .sql(query.text())
                                .params(query.params())
                                .query(CoordinatorDirectory::entry)
                                .list(),
                        page.limit(),
                        e -> new Cursor(e.registeredAt(), e.accountId()))
                .withTotal(
                        reads.jdbc()
                                .sql(count.text())
                                .params(count.params())
                                .query(Long.class)
                                .single());
    }

    /** The count behind a page's {@code total}: public, as {@link #pageQuery} is. */
    public static ListQuery.Statement countQuery(Side side, Filter filter) {
        return filters(side, filter).toCountSql(side.counted);
    }

    /**
     * One donor's or patient's entry, for their record page; read where the directory is (a replica
     * within its lag limit).
     */
    public Optional<DirectoryEntry> one(Side side, AccountId accountId) {
        return reads.jdbc()
                .sql(side.select + " where x.account_id = :id")
                .param("id", accountId.value())
                .query(CoordinatorDirectory::entry)
                .optional();
    }

    /** Public so that a test can check which index answers it. */
    public static ListQuery.Statement pageQuery(Side side, Filter filter, PageRequest page) {
        return filters(side, filter)
                .after("x.created_at", "x.account_id", page.after())
                .toSql(side.select, "x.created_at desc, x.account_id desc", page.limit());
    }

    /** The same list, whole and unpaged, for the coordinators' CSV export. */
    public static ListQuery.Statement exportQuery(Side side, Filter filter) {
        return filters(side, filter)
                .toExportSql(side.select, "x.created_at desc, x.account_id desc");
    }

    private static ListQuery filters(Side side, Filter filter) {
        String prefix =
                filter.search() == null ? null : ListQuery.startingWith(filter.search().strip());
        return new ListQuery()
                .filter(
                        "(lower(a.full_name) like :prefix or a.email_key like :prefix)",
                        "prefix",
                        prefix)
                .filter(side.cityColumn + " = :city", "city", filter.cityKey())
                .filter(side.stateColumn + " = :state", "state", filter.state())
                .filter("x.blood_group in (:groups)", "groups", filter.bloodGroups());
    }

    private static DirectoryEntry entry(ResultSet rs, int row) throws SQLException {
        return new DirectoryEntry(
                rs.getObject("id", UUID.class),
                rs.getString("full_name"),
                rs.getString("email"),
                rs.getString("blood_group"),
                rs.getString("place"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getInt("open_records"),
                rs.getTimestamp("created_at").toInstant());
    }
}
