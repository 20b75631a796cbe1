package org.ramsetu.platform.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pledges stored directly, for tests of the parts that read them (reports, reminders, the verified
 * pledges matching searches) without going through a donor's pledge and its review.
 */
public final class TestPledges {

    private TestPledges() {}

    /**
     * @param at when consent was given, the pledge created and its status last changed; null for
     *     the database's {@code now()}
     * @return the new pledge's id
     */
    public static UUID insert(
            JdbcClient jdbc, UUID donorId, String organ, String status, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into pledge (id, donor_id, organ, status, consent_given_at,
                            created_at, status_changed_at)
                        values (:id, :donor, :organ, :status, coalesce(:at, now()),
                            coalesce(:at, now()), coalesce(:at, now()))
                        """)
                .param("id", id)
                .param("donor", donorId)
                .param("organ", organ)
                .param("status", status)
                .param("at", at == null ? null : Timestamp.from(at))
                .update();
        return id;
    }
}
