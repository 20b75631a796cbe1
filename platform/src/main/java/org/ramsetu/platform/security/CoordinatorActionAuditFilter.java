package org.ramsetu.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every request a coordinator makes (API and operations endpoints alike): who, what path,
 * and how it ended. Feature code adds finer entries (e.g. which medical record was read).
 */
final class CoordinatorActionAuditFilter extends OncePerRequestFilter {

    private final AuditLog audit;

    CoordinatorActionAuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/health") || path.startsWith("/actuator/prometheus");
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            CurrentUser.ofCurrentRequest()
                    .filter(CurrentUser::isCoordinator)
                    .ifPresent(
                            user -> {
                                int status = response.getStatus();
                                record(
                                        AuditEntry.of(
                                                        AuditActions.COORDINATOR_REQUEST,
                                                        status < 400
                                                                ? AuditOutcome.SUCCESS
                                                                : AuditOutcome.FAILURE)
                                                .by(user.id(), user.role())
                                                .with(
                                                        Map.of(
                                                                "method",
                                                                request.getMethod(),
                                                                "path",
                                                                request.getRequestURI(),
                                                                "status",
                                                                status)));
                            });
        }
    }

    /**
     * The answer is already on its way: a failed audit write (the database is down) must not abort
     * it half-sent. The entry goes to the log instead, where log retention keeps it, and is counted
     * so that an alert can ask for it to be reconciled.
     */
    private void record(AuditEntry entry) {
        try {
            audit.record(entry);
        } catch (RuntimeException e) {
            WRITE_FAILURES.increment();
            LOG.error("Audit entry not written, kept here instead: {}", entry, e);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorActionAuditFilter.class);
    private static final Counter WRITE_FAILURES =
            Counter.builder("ramsetu.audit.write.failures")
                    .description("Audit entries that could not be written and went to the log")
                    .register(Metrics.globalRegistry);
}
