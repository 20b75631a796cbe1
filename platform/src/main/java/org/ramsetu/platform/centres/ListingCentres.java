package org.ramsetu.platform.centres;

import java.util.List;
import java.util.Optional;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.identity.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What listing a patient asks of the register: whether a centre transplants an organ, and which
 * centre a coordinator works for (only its coordinators verify its patients' listings).
 */
public class ListingCentres {

    private final TransplantCentres centres;

    ListingCentres(TransplantCentres centres) {
        this.centres = centres;
    }

    /** For a target that reads the register without the centres' API (a worker). */
    public static ListingCentres reading(JdbcClient jdbc) {
        return new ListingCentres(new TransplantCentres(jdbc));
    }

    /** Whether the centre is registered with a programme for the organ. */
    public boolean transplants(TransplantCentreId centre, Organ organ) {
        return centres.find(centre)
                .map(c -> c.details().programmes().contains(organ))
                .orElse(false);
    }

    /** The centre the coordinator works for; empty for one who works for none. */
    public Optional<TransplantCentreId> employerOf(AccountId coordinator) {
        return centres.employerOf(coordinator.value());
    }

    /** The centre's coordinators with their e-mail: whom an offer to the centre is told to. */
    public List<CentreCoordinatorView> coordinators(TransplantCentreId centre) {
        return centres.coordinators(centre);
    }
}
