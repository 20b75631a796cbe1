package org.ramsetu.platform.registry;

import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.requests.RequestId;
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
    public Optional<AccountId> donorOfPledge(PledgeId pledge) {
        return jdbc.sql("select donor_id from pledge where id = :id")
                .param("id", pledge.value())
                .query(UUID.class)
                .optional()
                .map(AccountId::new);
    }

    /** The patient the request lists; empty for an unknown request. */
    public Optional<AccountId> patientOfRequest(RequestId request) {
        return jdbc.sql("select patient_id from transplant_request where id = :id")
                .param("id", request.value())
                .query(UUID.class)
                .optional()
                .map(AccountId::new);
    }
}
