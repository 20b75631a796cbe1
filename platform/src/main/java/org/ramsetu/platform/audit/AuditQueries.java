package org.ramsetu.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit log newest first, filtered, one page at a time. */
public class AuditQueries {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            id, occurred_at, actor_id, actor_role, action, outcome, target_type, target_id,
            client_ip, detail
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditRecord> page(AuditFilter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        condition(where, params, "action = :action", "action", filter.action());
        condition(
                where,
                params,
                "outcome = :outcome",
                "outcome",
                filter.outcome() == null ? null : filter.outcome().name());
        condition(where, params, "actor_id = :actor", "actor", filter.actorId());
        condition(where, params, "target_type = :type", "type", filter.targetType());
        condition(where, params, "target_id = :target", "target", filter.targetId());
        condition(
                where,
                params,
                "occurred_at >= :from",
                "from",
                filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(
                where,
                params,
                "occurred_at < :to",
                "to",
                filter.to() == null ? null : Timestamp.from(filter.to()));
        condition(where, params, "id < :before", "before", filter.before());
        String sql =
                "select "
                        + COLUMNS
                        + " from audit_event"
                        + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by id desc limit :limit";
        params.put("limit", filter.limit());
        return jdbc.sql(sql).params(params).query(AuditQueries::map).list();
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
                rs.getString("actor_role"),
                rs.getString("action"),
                rs.getString("outcome"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("client_ip"),
                JSON.readTree(rs.getString("detail")));
    }
}
