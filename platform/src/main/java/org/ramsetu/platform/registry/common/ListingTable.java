package org.ramsetu.platform.registry.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.ListOrder;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The storage that pledges and transplant requests share: versioned rows read by id, the owner's
 * one open listing of an organ, a status change that names the version it replaces, and the list
 * newest first in keyset pages (and whole, for the CSV export). Each side hands over its statements
 * written out in full, so that every table a statement touches stays readable in the source, and
 * its row mappers; inserts, which differ, stay with each side.
 *
 * @param <L> the listing ({@code Pledge}, {@code TransplantRequest})
 * @param <V> the listing with the owner's facts coordinators filter by
 */
public final class ListingTable<L extends ListingRecord<?>, V> {

    /**
     * One kind of listing in SQL.
     *
     * @param find selects the listing's columns, ending before its {@code where}
     * @param update sets {@code status}, the reason column, {@code status_changed_at}, {@code
     *     status_changed_by} and {@code version} from {@code :status, :reason, :changed, :by,
     *     :version} where {@code id = :id and version = :version - 1}
     * @param openOf the {@code where} clause of an owner's open listing of an organ, from {@code
     *     :owner} and {@code :organ}
     * @param listing selects the listing joined to its owner's profile, ending before its {@code
     *     where}
     * @param export selects the export's columns (the owner's name and e-mail among them)
     * @param filtered the columns the list's filters compare
     * @param newest the column that orders the list newest first; {@code id} breaks ties
     * @param id the listing's id column, qualified as in {@code listing}
     */
    public record Statements(
            String find,
            String update,
            String openOf,
            String listing,
            String export,
            ListingFilter.Columns filtered,
            String newest,
            String id) {

        /** The list query in keyset order, newest first. */
        public ListQuery.Statement pageQuery(ListingFilter<?> filter, PageRequest page) {
            return pageQuery(filter, page, ListOrder.NEWEST_FIRST);
        }

        /** The list query in keyset order, from the end {@code order} names. */
        public ListQuery.Statement pageQuery(
                ListingFilter<?> filter, PageRequest page, ListOrder order) {
            return filter.where(filtered)
                    .after(newest, id, page.after(), order)
                    .toSql(listing, order(order), page.limit());
        }

        /**
         * The list query ranked by {@code key}, a whole-number SQL expression on the listing,
         * lowest first; ties the longest listed first.
         *
         * @param ranking the ranking's name, which its cursors carry
         */
        public ListQuery.Statement rankedPageQuery(
                ListingFilter<?> filter, PageRequest page, String ranking, String key) {
            return filter.where(filtered)
                    .afterKeyed(ranking, key, newest, id, page.after())
                    .toSql(listing, key + ", " + newest + " asc, " + id + " asc", page.limit());
        }

        /** How many listings the filtered list holds, for "n of total". */
        public ListQuery.Statement countQuery(ListingFilter<?> filter) {
            return filter.where(filtered).toCountSql(listing);
        }

        /** The same list, whole and unpaged, for the coordinators' CSV export. */
        public ListQuery.Statement exportQuery(ListingFilter<?> filter) {
            return filter.where(filtered).toExportSql(export, order(ListOrder.NEWEST_FIRST));
        }

        private String order(ListOrder order) {
            String direction = order == ListOrder.OLDEST_FIRST ? " asc" : " desc";
            return newest + direction + ", " + id + direction;
        }
    }

    private final JdbcClient jdbc;
    private final Statements statements;
    private final RowMapper<L> record;
    private final RowMapper<V> listing;

    public ListingTable(
            JdbcClient jdbc, Statements statements, RowMapper<L> record, RowMapper<V> listing) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.record = record;
        this.listing = listing;
    }

    public Optional<L> find(UUID id) {
        return jdbc.sql(statements.find() + " where id = :id")
                .param("id", id)
                .query(record)
                .optional();
    }

    public Optional<V> findListing(UUID id) {
        return jdbc.sql(statements.listing() + " where " + statements.id() + " = :id")
                .param("id", id)
                .query(listing)
                .optional();
    }

    /** The owner's open listing of the organ: at most one, as a partial unique index ensures. */
    public Optional<L> findOpen(UUID owner, Organ organ) {
        return jdbc.sql(statements.find() + " where " + statements.openOf())
                .param("owner", owner)
                .param("organ", organ.name())
                .query(record)
                .optional();
    }

    /**
     * Writes a transition.
     *
     * @return false when the stored version is no longer {@code changed.version() - 1}
     */
    public boolean update(L changed) {
        return jdbc.sql(statements.update()).params(statusValues(changed)).update() > 0;
    }

    /**
     * In {@code order}; up to {@code page.limit() + 1} rows, so the caller knows if more follow.
     */
    public List<V> page(ListingFilter<?> filter, PageRequest page, ListOrder order) {
        ListQuery.Statement query = statements.pageQuery(filter, page, order);
        return jdbc.sql(query.text()).params(query.params()).query(listing).list();
    }

    /**
     * Ranked by {@code key} ({@link Statements#rankedPageQuery}); up to {@code page.limit() + 1}
     * rows.
     */
    public List<V> rankedPage(
            ListingFilter<?> filter, PageRequest page, String ranking, String key) {
        ListQuery.Statement query = statements.rankedPageQuery(filter, page, ranking, key);
        return jdbc.sql(query.text()).params(query.params()).query(listing).list();
    }

    /** How many listings the filtered list holds, every page together. */
    public long count(ListingFilter<?> filter) {
        ListQuery.Statement query = statements.countQuery(filter);
        return jdbc.sql(query.text()).params(query.params()).query(Long.class).single();
    }

    /** The status columns' parameters, as {@link Statements#update} and the inserts name them. */
    public static Map<String, Object> statusValues(ListingRecord<?> r) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", r.id());
        v.put("status", StatusCode.of(r.status()));
        v.put("reason", r.statusReason());
        v.put("changed", Sql.timestamp(r.statusChangedAt()));
        v.put("by", r.statusChangedBy());
        v.put("version", r.version());
        return v;
    }
}
