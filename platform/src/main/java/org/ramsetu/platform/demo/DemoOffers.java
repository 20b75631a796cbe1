package org.ramsetu.platform.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.allocation.offers.DeclineReason;
import org.ramsetu.platform.allocation.offers.GraftFunction;
import org.ramsetu.platform.allocation.offers.PastOffers;
import org.ramsetu.platform.allocation.runs.AllocationRunId;
import org.ramsetu.platform.allocation.runs.PastAllocationRuns;
import org.ramsetu.platform.donation.DonationCaseId;
import org.ramsetu.platform.donation.RecoveredOrgan;
import org.ramsetu.platform.donation.RecoveredOrgans;
import org.ramsetu.platform.identity.AccountId;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offer histories of the demo's past donation cases: for every organ a case recovered at least
 * {@link #SETTLED} ago, an allocation run ranked half an hour or so after the cross-clamp on the
 * waiting list as it stood then, and its offering down that list as centres answered: declines for
 * coded reasons, deadlines let pass, provisional yeses, one acceptance, the transplant and its
 * follow-up. Cases are played oldest first, so a patient transplanted from one case is not offered
 * another organ later. This morning's two cases are left for a coordinator to offer live.
 *
 * <p>Only the first {@link #MAX_CASES} cases get a history: each run ranks a whole waiting list,
 * and a few dozen offerings are enough for the decline figures.
 */
final class DemoOffers {

    static final int MAX_CASES = 60;

    /**
     * Why the past runs are degraded: {@code ramsetu demo} loads the database alone, with no model
     * server to ask, so they are ranked on the clinical policy as a live run is when scoring is
     * down.
     */
    static final String WITHOUT_MODEL_SERVER =
            "demo history: ramsetu demo ranked this past run without a model server, on the"
                    + " clinical policy alone";

    /** Old enough for every offering to have ended, answers and deadlines included. */
    static final Duration SETTLED = Duration.ofDays(3);

    /** Answers no centre gives after this many offers: the organ is placed by then. */
    private static final int ACCEPTED_BY = 8;

    private static final Weighted<DeclineReason> REASONS =
            Weighted.of(
                    DeclineReason.DONOR_QUALITY, 24,
                    DeclineReason.DONOR_SIZE, 8,
                    DeclineReason.ORGAN_DAMAGE, 6,
                    DeclineReason.POSITIVE_CROSSMATCH, 14,
                    DeclineReason.PATIENT_UNAVAILABLE, 10,
                    DeclineReason.PATIENT_UNFIT, 16,
                    DeclineReason.PATIENT_REFUSED, 3,
                    DeclineReason.LOGISTICS, 13,
                    DeclineReason.OTHER, 6);

    private static final Weighted<GraftFunction> WEEK_1 =
            Weighted.of(
                    GraftFunction.FUNCTIONING, 86,
                    GraftFunction.DELAYED_FUNCTION, 9,
                    GraftFunction.PRIMARY_NON_FUNCTION, 2,
                    GraftFunction.RECIPIENT_DIED, 3);

    private static final Weighted<GraftFunction> MONTH_3 =
            Weighted.of(
                    GraftFunction.FUNCTIONING, 89,
                    GraftFunction.FAILED, 6,
                    GraftFunction.RECIPIENT_DIED, 5);

    private final RecoveredOrgans recovered;
    private final PastAllocationRuns runs;
    private final PastOffers offers;
    private final TransactionTemplate tx;

    DemoOffers(
            RecoveredOrgans recovered,
            PastAllocationRuns runs,
            PastOffers offers,
            TransactionTemplate tx) {
        this.recovered = recovered;
        this.runs = runs;
        this.offers = offers;
        this.tx = tx;
    }

    /** How many offerings were written (zero for organs that have a run already). */
    long add(long caseCount, long seed, AccountId coordinator, Instant now) {
        List<RecoveredOrgan> organs = new ArrayList<>();
        for (long n = 3; n <= Math.min(caseCount, MAX_CASES); n++) {
            DonationCaseId caseId = new DonationCaseId(DemoLoader.id("case", n, seed));
            for (Organ organ : Organ.values()) {
                recovered
                        .find(caseId, organ)
                        .filter(RecoveredOrgan::allocatable)
                        .filter(o -> o.crossClampAt().isBefore(now.minus(SETTLED)))
                        .ifPresent(organs::add);
            }
        }
        organs.sort(
                Comparator.comparing(RecoveredOrgan::crossClampAt)
                        .thenComparing(RecoveredOrgan::organ));
        long written = 0;
        for (RecoveredOrgan organ : organs) {
            SplittableRandom r =
                    DemoLoader.random(
                            "offers/" + organ.organ(), organ.caseId().value().hashCode(), seed);
            // The run and its offers in one transaction: an interrupted load leaves neither, and
            // loading again writes both (a run alone would count as this organ's history).
            Boolean added = tx.execute(status -> history(organ, r, coordinator, now));
            written += Boolean.TRUE.equals(added) ? 1 : 0;
        }
        return written;
    }

    /**
     * The organ ranked half an hour or so after its cross-clamp, and offered from that run.
     *
     * @return false when the organ has a run already
     */
    private boolean history(
            RecoveredOrgan organ, SplittableRandom r, AccountId coordinator, Instant now) {
        Instant ranked = organ.crossClampAt().plus(Duration.ofMinutes(15 + r.nextInt(45)));
        Optional<AllocationRunId> run =
                runs.rank(organ.caseId(), organ.organ(), ranked, coordinator);
        if (run.isEmpty()) {
            return false;
        }
        Instant started = ranked.plus(Duration.ofMinutes(5 + r.nextInt(20)));
        offers.write(run.get(), coordinator, started, script(organ.organ(), r), now);
        return true;
    }

    /** Centres' answers as transplant systems report them: most offers are declined. */
    private static PastOffers.Script script(Organ organ, SplittableRandom r) {
        return new PastOffers.Script() {
            @Override
            public PastOffers.Reply reply(int offered) {
                Duration after = Duration.ofMinutes(5 + r.nextInt(45));
                int ticket = r.nextInt(100);
                boolean crossmatched = organ == Organ.KIDNEY;
                if (offered + 1 >= ACCEPTED_BY || ticket < 22) {
                    return new PastOffers.Reply(
                            crossmatched && r.nextInt(3) == 0
                                    ? PastOffers.Answer.PROVISIONAL_THEN_ACCEPT
                                    : PastOffers.Answer.ACCEPT,
                            after,
                            null);
                }
                if (ticket < 36) {
                    return new PastOffers.Reply(PastOffers.Answer.NO_RESPONSE, after, null);
                }
                DeclineReason reason = REASONS.draw(r);
                if (reason == DeclineReason.POSITIVE_CROSSMATCH && !crossmatched) {
                    reason = DeclineReason.DONOR_SIZE;
                }
                return new PastOffers.Reply(PastOffers.Answer.DECLINE, after, reason);
            }

            @Override
            public Duration transplantAfter() {
                return switch (organ) {
                    case HEART -> Duration.ofMinutes(120 + r.nextInt(120));
                    case LIVER -> Duration.ofMinutes(240 + r.nextInt(240));
                    case KIDNEY -> Duration.ofMinutes(360 + r.nextInt(12 * 60));
                    case CORNEA -> Duration.ofHours(24 + r.nextInt(96));
                };
            }

            private GraftFunction week1 = GraftFunction.FUNCTIONING;

            @Override
            public GraftFunction week1() {
                GraftFunction drawn = WEEK_1.draw(r);
                week1 =
                        drawn == GraftFunction.DELAYED_FUNCTION && organ != Organ.KIDNEY
                                ? GraftFunction.FUNCTIONING
                                : drawn;
                return week1;
            }

            /** A graft that never worked has failed by three months; a death stays one. */
            @Override
            public GraftFunction month3() {
                return switch (week1) {
                    case PRIMARY_NON_FUNCTION, FAILED -> GraftFunction.FAILED;
                    case RECIPIENT_DIED -> GraftFunction.RECIPIENT_DIED;
                    case FUNCTIONING, DELAYED_FUNCTION -> MONTH_3.draw(r);
                };
            }
        };
    }
}
