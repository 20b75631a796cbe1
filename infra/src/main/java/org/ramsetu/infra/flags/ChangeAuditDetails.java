package org.ramsetu.infra.flags;

import java.util.Map;
import java.util.Optional;

/**
 * Hands what an operations endpoint changed (before and after) to the request's audit entry: the
 * platform's {@code CoordinatorActionAuditFilter} records every coordinator request but only sees
 * method, path and status, and infra cannot reach the audit log. Actuator operations run on the
 * request's thread, so the endpoint leaves the facts here and the filter, around the same request,
 * takes them (and always clears them, so nothing leaks to the thread's next request).
 */
public final class ChangeAuditDetails {

    private static final ThreadLocal<Map<String, ?>> CURRENT = new ThreadLocal<>();

    private ChangeAuditDetails() {}

    /** Facts about the change the current request made. */
    public static void attach(Map<String, ?> facts) {
        CURRENT.set(Map.copyOf(facts));
    }

    /** The facts attached during this request, if any, and forgets them. */
    public static Optional<Map<String, ?>> take() {
        Map<String, ?> facts = CURRENT.get();
        CURRENT.remove();
        return Optional.ofNullable(facts);
    }
}
