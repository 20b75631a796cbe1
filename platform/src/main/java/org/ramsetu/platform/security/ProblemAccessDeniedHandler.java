package org.ramsetu.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as problem details; each refusal is audited (someone tried a door that is not theirs). */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final AuditLog audit;

    /**
     * @param audit null on targets without a database
     */
    ProblemAccessDeniedHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (audit != null) {
            CurrentUser.ofCurrentRequest()
                    .ifPresent(
                            user ->
                                    audit.record(
                                            AuditEntry.of(
                                                            AuditActions.ACCESS_DENIED,
                                                            AuditOutcome.DENIED)
                                                    .by(user.id(), user.role())
                                                    .with(
                                                            Map.of(
                                                                    "method",
                                                                    request.getMethod(),
                                                                    "path",
                                                                    request.getRequestURI()))));
        }
        ProblemWriter.write(
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "your role may not use " + request.getMethod() + " " + request.getRequestURI());
    }
}
