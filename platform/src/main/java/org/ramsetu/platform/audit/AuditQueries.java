package org.ramsetu.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.platform.records.ListQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit log newest first, filtered, one page at a time, with each actor's name from the
 * accounts' published view {@code account_holder} (none for the system, or an account erased).
 */
public class AuditQueries {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            e.id, e.occurred_at, e.actor_id, h.full_name as actor_name, e.actor_role, e.action,
            e.outcome, e.target_type, e.target_id, e.client_ip, e.detail
            """;

    /** How far a list's total is counted (see {@link #pageAndCount}). */
    public static final int COUNT_LIMIT = 10_000;

    /** More actions than the log has kinds of; a filter matching more is too vague to merge. */
    static final int MAX_ACTIONS = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page and the count behind its total (see {@link #pageAndCount}). */
    public record Counted(List<AuditRecord> items, long count) {}

    /**
     * A page, newest first, and how many records the filter selects in the whole log (whichever
     * page is read), counted no further than {@value #COUNT_LIMIT}: a log of millions is not
     * counted for every page, and beyond that a coordinator narrows the filter; a count of {@code
     * COUNT_LIMIT + 1} means "more than {@value #COUNT_LIMIT}". The action filter is an action's
     * name, or a part of names, any case ({@code offer} finds {@code OFFER_ANSWERED}, {@code
     * OFFERS_STARTED}, …): it is resolved once to the actions the log holds, and each is read from
     * its own index in id order, the pages merged.
     */
    public Counted pageAndCount(AuditFilter filter) {
        List<String> actions = actionsOf(filter);
        if (actions != null && actions.isEmpty()) {
            return new Counted(List.of(), 0);
        }
        ListQuery.Statement page = pageQuery(filter, actions);
        ListQuery.Statement count = countQuery(filter, actions);
        return new Counted(
                jdbc.sql(page.text()).params(page.params()).query(AuditQueries::map).list(),
                jdbc.sql(count.text()).params(count.params()).query(Long.class).single());
    }

    /** The actions the filter's part of a name selects; null for any, empty for none. */
    private List<String> actionsOf(AuditFilter filter) {
        if (filter.action() == null || filter.action().isBlank()) {
            return null;
        }
        return actionsContaining(filter.action());
    }

    /**
     * The page of {@link #pageAndCount}: the filter's conditions, and for each of {@code actions}
     * (null for any action) a branch read from that action's index, merged newest first.
     */
    public static ListQuery.Statement pageQuery(AuditFilter filter, List<String> actions) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions(filter, where, params);
        condition(where, params, "e.id < :before", "before", filter.before());
        params.put("limit", filter.limit());
        if (actions == null) {
            return new ListQuery.Statement(branch(where, null), params);
        }
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            params.put("action" + i, actions.get(i));
            branches.add("(" + branch(where, "e.action = :action" + i) + ")");
        }
        String sql =
                branches.size() == 1
                        ? branch(where, "e.action = :action0")
                        : "select * from ("
                                + String.join(" union all ", branches)
                                + ") merged order by id desc limit :limit";
        return new ListQuery.Statement(sql, params);
    }

    /** The count of {@link #pageAndCount}: public, as {@link #pageQuery} is. */
    public static ListQuery.Statement countQuery(AuditFilter filter, List<String> actions) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions(filter, where, params);
        if (actions != null) {
            where.add("e.action in (:actions)");
            params.put("actions", actions);
        }
        params.put("counted", COUNT_LIMIT + 1);
        return new ListQuery.Statement(
                "select count(*) from (select 1 from audit_event e"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " limit :counted) counted",
                params);
    }

    /** The filter's conditions but the page's position ({@code before}). */
    private static void conditions(
            AuditFilter filter, List<String> where, Map<String, Object> params) {
        condition(
                where,
                params,
                "e.outcome = :outcome",
                "outcome",
                filter.outcome() == null ? null : filter.outcome().name());
        condition(where, params, "e.actor_id = :actor", "actor", filter.actorId());
        condition(where, params, "e.target_type = :type", "type", filter.targetType());
        condition(where, params, "e.target_id = :target", "target", filter.targetId());
        condition(
                where,
                params,
                "e.occurred_at >= :from",
                "from",
                filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(
                where,
                params,
                "e.occurred_at < :to",
                "to",
                filter.to() == null ? null : Timestamp.from(filter.to()));
    }

    /**
     * The actions in the log whose names contain {@code text}, any case: a skip scan of the action
     * index (one probe per distinct action, however long the log), then matched here.
     */
    public List<String> actionsContaining(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        List<String> known =
                jdbc.sql(
                                """
                        with recursive actions(action) as (
                            select min(action) from audit_event
                            union all
                            select (select min(action) from audit_event where action > a.action)
                            from actions a where a.action is not null)
                        select action from actions where action is not null
                        """)
                        .query(String.class)
                        .list();
        // A whole name is that action alone: PLEDGE_VERIFIED is not also whatever contains it.
        if (known.contains(wanted)) {
            return List.of(wanted);
        }
        return known.stream().filter(action -> action.contains(wanted)).limit(MAX_ACTIONS).toList();
    }

    /** One page of the log under the conditions (and one action's), newest first. */
    private static String branch(List<String> where, String action) {
        List<String> all = new ArrayList<>(where);
        if (action != null) {
            all.add(action);
        }
        return "select "
                + COLUMNS
                + " from audit_event e left join account_holder h on h.id = e.actor_id"
                + (all.isEmpty() ? "" : " where " + String.join(" and ", all))
                + " order by e.id desc limit :limit";
    }

    private static void condition(
            List<String> where, Map<String, Object> params, String sql, String name, Object value) {
        if (value != null) {
            where.add(sql);
            params.put(name, value);
        }
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"),
                rs.getString("actor_role"),
                rs.getString("action"),
                rs.getString("outcome"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("client_ip"),
                JSON.readTree(rs.getString("detail")));
    }
}
