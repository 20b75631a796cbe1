package org.ramsetu.platform.registry.pledges;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.Roles;
import org.ramsetu.platform.registry.donors.DonorProfiles;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A donor pledges an organ: checked and stored {@code PENDING}; {@link PledgeMade}'s listeners
 * audit it and confirm it by e-mail in the same transaction.
 */
public class PledgingOrgan {

    private final Pledges pledges;
    private final DonorProfiles profiles;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PledgingOrgan(
            Pledges pledges,
            DonorProfiles profiles,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.pledges = pledges;
        this.profiles = profiles;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @throws DomainException InvalidInput naming an invalid field, Forbidden for a non-donor,
     *     Conflict without a donor profile or with an open pledge of the organ
     */
    public PledgeView pledge(CurrentUser user, CreatePledgeRequest request) {
        Roles.require(user, Role.DONOR, "pledge organs");
        Organ organ = Fields.requiredEnum("organ", request.organ(), Organ.class);
        Fields.mustBeTrue(
                "consent",
                request.consent(),
                "a pledge records your explicit consent to donate this organ");
        DonorTests tests = PledgeTests.from(organ, request);
        Instant now = Sql.now(clock);
        Pledge pledge =
                new Pledge(
                        UUID.randomUUID(),
                        user.id(),
                        organ,
                        PledgeStatus.PENDING,
                        tests,
                        now,
                        null,
                        now,
                        now,
                        user.id(),
                        0);
        return tx.execute(
                status -> {
                    if (profiles.find(user.id()).isEmpty()) {
                        throw new Conflict(
                                "profile-required",
                                "fill in your donor profile (PUT /api/v1/donors/me) before"
                                        + " pledging: coordinators need your blood group and"
                                        + " location to place a pledge");
                    }
                    if (!pledges.insertIfNoneOpen(pledge)) {
                        throw openPledgeExists(user, organ);
                    }
                    events.publishEvent(new PledgeMade(pledge, user));
                    return PledgeView.of(pledges.findListing(pledge.id()).orElseThrow());
                });
    }

    private Conflict openPledgeExists(CurrentUser user, Organ organ) {
        String which =
                pledges.findOpen(user.id(), organ)
                        .map(open -> " (" + open.id() + ", " + open.status() + ")")
                        .orElse("");
        return new Conflict(
                "open-pledge-exists",
                "you already have an open "
                        + organ
                        + " pledge"
                        + which
                        + "; a donor holds one open pledge per organ, so withdraw that one"
                        + " before pledging the organ again");
    }
}
