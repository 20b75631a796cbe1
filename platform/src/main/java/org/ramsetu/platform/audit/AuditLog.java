package org.ramsetu.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit log. Inside a transaction the entry commits or rolls back with the change it
 * describes; outside one (a failed login, a refused token) it commits on its own. The caller's IP
 * is taken from the current request when there is one.
 */
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * The audit log of the platform API where it runs; the worker (no API) writes the same table
     * through its own instance.
     */
    public static AuditLog shared(ObjectProvider<AuditLog> audit, JdbcClient jdbc, Clock clock) {
        return audit.getIfAvailable(() -> new AuditLog(jdbc, clock));
    }

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(AuditEntry entry) {
        jdbc.sql(
                        """
                        insert into audit_event (occurred_at, actor_id, actor_role, action, outcome,
                            target_type, target_id, client_ip, detail)
                        values (:at, :actor, :role, :action, :outcome, :type, :target, :ip,
                            cast(:detail as jsonb))
                        """)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", entry.actorId())
                .param("role", entry.actorRole() == null ? null : entry.actorRole().name())
                .param("action", entry.action())
                .param("outcome", entry.outcome().name())
                .param("type", entry.targetType())
                .param("target", entry.targetId())
                .param("ip", currentClientIp())
                .param("detail", JSON.writeValueAsString(entry.detail()))
                .update();
    }

    private static String currentClientIp() {
        if (RequestContextHolder.getRequestAttributes()
                instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
