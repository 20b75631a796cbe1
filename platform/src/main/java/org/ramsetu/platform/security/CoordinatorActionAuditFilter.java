package org.ramsetu.platform.security;

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
                                audit.record(
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
}
