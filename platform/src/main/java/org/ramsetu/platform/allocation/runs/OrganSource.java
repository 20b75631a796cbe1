package org.ramsetu.platform.allocation.runs;

import java.time.Instant;
import java.util.Map;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.donation.RecoveredOrgan;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.registry.pledges.PledgedOrgan;

/**
 * What an allocation run ranks the waiting list for, as read now: a verified pledge, or an organ
 * recovered from a deceased donor's donation case.
 */
sealed interface OrganSource {

    Organ organ();

    /** Whether it may be allocated now: a verified pledge, an organ its case recovered. */
    boolean allocatable();

    /**
     * @throws org.ramsetu.platform.kernel.DomainException Conflict when it cannot be offered as it
     *     stands (a pledge's donor without a profile, a case outside the ranking's ranges)
     */
    OfferedOrgan offer(Instant asOf);

    /** What an audit entry says of it, e.g. when a re-scoring is skipped. */
    Map<String, String> state();

    /** A pledge, offered with its donor's profile. */
    record Pledged(PledgedOrgan pledge, OfferedOrgans organs) implements OrganSource {
        @Override
        public Organ organ() {
            return pledge.organ();
        }

        @Override
        public boolean allocatable() {
            return pledge.status() == PledgeStatus.VERIFIED;
        }

        @Override
        public OfferedOrgan offer(Instant asOf) {
            if (!pledge.hasProfile()) {
                throw new Conflict(
                        "profile-required",
                        "the donor of pledge "
                                + pledge.id().value()
                                + " has no profile; allocation needs their blood group and place");
            }
            return organs.offer(pledge, asOf);
        }

        @Override
        public Map<String, String> state() {
            return Map.of(
                    "pledgeId",
                    pledge.id().value().toString(),
                    "pledgeStatus",
                    pledge.status().name());
        }
    }

    /** An organ of a donation case, offered from the donor record at donation. */
    record Recovered(RecoveredOrgan recovered, CaseOrgans organs) implements OrganSource {
        @Override
        public Organ organ() {
            return recovered.organ();
        }

        @Override
        public boolean allocatable() {
            return recovered.allocatable();
        }

        @Override
        public OfferedOrgan offer(Instant asOf) {
            return organs.offer(recovered, asOf);
        }

        @Override
        public Map<String, String> state() {
            return Map.of(
                    "donationCaseId",
                    recovered.caseId().toString(),
                    "caseStatus",
                    recovered.status().name(),
                    "recovered",
                    String.valueOf(recovered.recovered()));
        }
    }
}
