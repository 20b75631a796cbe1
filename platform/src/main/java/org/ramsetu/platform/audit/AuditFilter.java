package org.ramsetu.platform.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * What the audit viewer asks for; every part optional. Paging is by key: {@code before} is the
 * smallest id of the previous page.
 */
public record AuditFilter(
        String action,
        AuditOutcome outcome,
        UUID actorId,
        String targetType,
        String targetId,
        Instant from,
        Instant to,
        Long before,
        int limit) {}
