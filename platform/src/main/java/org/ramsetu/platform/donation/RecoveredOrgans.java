package org.ramsetu.platform.donation;

import java.util.Optional;
import org.ramsetu.core.organ.Organ;

/**
 * The organs of donation cases as allocation reads them: read when a run is computed, locked when
 * it is recorded, so that a run is never recorded for a case that changed while its waiting list
 * was ranked.
 */
public class RecoveredOrgans {

    private final DonationCases cases;

    public RecoveredOrgans(DonationCases cases) {
        this.cases = cases;
    }

    /** Empty for an unknown case. */
    public Optional<RecoveredOrgan> find(DonationCaseId id, Organ organ) {
        return cases.find(id).map(c -> of(c, organ));
    }

    public boolean exists(DonationCaseId id) {
        return cases.exists(id);
    }

    /**
     * Locks the case's row until the caller's transaction ends.
     *
     * @return the organ as it stands now; empty for an unknown case
     */
    public Optional<RecoveredOrgan> lock(DonationCaseId id, Organ organ) {
        return cases.findForUpdate(id).map(c -> of(c, organ));
    }

    private static RecoveredOrgan of(DonationCase c, Organ organ) {
        return new RecoveredOrgan(
                c.id(),
                c.version(),
                c.status(),
                organ,
                c.organsRecovered() != null && c.organsRecovered().contains(organ),
                c.record(),
                c.crossClampAt(),
                c.assessments().get(organ),
                c.openedAt());
    }
}
