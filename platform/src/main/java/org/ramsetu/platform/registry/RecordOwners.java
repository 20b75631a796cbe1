package org.ramsetu.platform.registry;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whose a pledge or a transplant request is, for features that attach something of their own to one
 * (a document) and must check that the caller owns it before the link is made.
 */
public class RecordOwners {

    private final JdbcClient jdbc;

    public RecordOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The donor who pledged; empty for an unknown pledge. */
    public Optional<UUID> donorOfPledge(UUID pledgeId) {
        return jdbc.sql("select donor_id from pledge where id = :id")
                .param("id", pledgeId)
                .query(UUID.class)
                .optional();
    }

    /** The patient the request lists; empty for an unknown request. */
    public Optional<UUID> patientOfRequest(UUID requestId) {
        return jdbc.sql("select patient_id from transplant_request where id = :id")
                .param("id", requestId)
                .query(UUID.class)
                .optional();
    }
}
