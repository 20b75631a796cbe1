package org.ramsetu.platform.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One audit log row as the audit viewer shows it. */
public record AuditRecord(
        long id,
        Instant occurredAt,
        @Nullable UUID actorId,
        @Schema(description = "the actor's name as their account holds it now")
                @Nullable String actorName,
        @Nullable String actorRole,
        String action,
        String outcome,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable String clientIp,
        @Schema(description = "what the entry concerns, as recorded") @Nullable JsonNode detail) {}
