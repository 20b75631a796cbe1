package org.ramsetu.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ramsetu.infra.flags.ChangeAuditDetails;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every request a coordinator makes (API and operations endpoints alike): who, what path,
 * and how it ended, and for an operations endpoint that changes something at run time what it
 * changed ({@code change}: e.g. a feature flag before and after, left by the endpoint in {@link
 * ChangeAuditDetails}). Feature code adds finer entries (e.g. which medical record was read).
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
        ChangeAuditDetails.take(); // nothing left over from this thread's previous request
        try {
            chain.doFilter(request, response);
        } finally {
            // What an operations endpoint changed (e.g. a flag before and after), if it said.
            Optional<Map<String, ?>> change = ChangeAuditDetails.take();
            CurrentUser.ofCurrentRequest()
                    .filter(CurrentUser::isCoordinator)
                    .ifPresent(
                            user -> {
                                int status = response.getStatus();
                                Map<String, Object> facts = new LinkedHashMap<>();
                                facts.put("method", request.getMethod());
                                facts.put("path", request.getRequestURI());
                                facts.put("status", status);
                                change.ifPresent(c -> facts.put("change", c));
                                record(
                                        AuditEntry.of(
                                                        AuditActions.COORDINATOR_REQUEST,
                                                        status < 400
                                                                ? AuditOutcome.SUCCESS
                                                                : AuditOutcome.FAILURE)
                                                .by(user.id(), user.role())
                                                .with(facts));
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
