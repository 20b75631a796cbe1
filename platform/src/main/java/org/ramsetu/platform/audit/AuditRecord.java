package org.ramsetu.platform.audit;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One audit log row as the audit viewer shows it. */
public record AuditRecord(
        long id,
        Instant occurredAt,
        UUID actorId,
        String actorRole,
        String action,
        String outcome,
        String targetType,
        String targetId,
        String clientIp,
        JsonNode detail) {}
