package org.ramsetu.platform.centres;

import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.identity.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What listing a patient asks of the register: whether a centre transplants an organ, and which
 * centre a coordinator works for (only its coordinators verify its patients' listings).
 */
public class ListingCentres {

    private final JdbcClient jdbc;

    ListingCentres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the centre is registered with a programme for the organ. */
    public boolean transplants(TransplantCentreId centre, Organ organ) {
        return jdbc.sql(
                                "select count(*) from transplant_centre where id = :id"
                                        + " and :organ = any(programmes)")
                        .param("id", centre.value())
                        .param("organ", organ.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The centre the coordinator works for; empty for one who works for none. */
    public Optional<TransplantCentreId> employerOf(AccountId coordinator) {
        return jdbc.sql("select centre_id from centre_coordinator where account_id = :account")
                .param("account", coordinator.value())
                .query(UUID.class)
                .optional()
                .map(TransplantCentreId::new);
    }
}
