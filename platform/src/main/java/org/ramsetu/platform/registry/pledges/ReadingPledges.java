package org.ramsetu.platform.registry.pledges;

import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.ListOrder;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.registry.common.ListingFilter;
import org.ramsetu.platform.registry.common.Roles;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;

/**
 * Pledges as their donor and coordinators see them. Test results are medical data: every pledge a
 * coordinator reads, alone or in a list, leaves a {@code MEDICAL_RECORD_READ} audit row.
 */
public class ReadingPledges {

    static final String KIND = "pledge";

    private final Pledges pledges;
    private final RecordAccess access;

    public ReadingPledges(Pledges pledges, RecordAccess access) {
        this.pledges = pledges;
        this.access = access;
    }

    /**
     * @throws DomainException NotFound when there is no such pledge or it is someone else's
     */
    public PledgeView one(CurrentUser user, UUID id) {
        return PledgeView.of(read(user, id, pledges.findListing(id)));
    }

    /** A donor's own pledges, or for coordinators everyone's; newest or oldest first. */
    public Page<PledgeView> list(
            CurrentUser user,
            ListingFilter<PledgeStatus> filter,
            PageRequest page,
            ListOrder order) {
        Roles.requireOrCoordinator(user, Role.DONOR, "list pledges");
        filter.requireOwnListUnlessCoordinator(user.isCoordinator(), user.id(), "pledges");
        ListingFilter<PledgeStatus> scoped =
                user.isCoordinator() ? filter : filter.ofOwner(user.id());
        return Page.of(
                        pledges.page(scoped, page, order),
                        page.limit(),
                        l -> new Cursor(l.pledge().createdAt(), l.pledge().id()))
                .map(
                        listing ->
                                PledgeView.of(
                                        read(user, listing.pledge().id(), Optional.of(listing))))
                .withTotal(pledges.count(scoped));
    }

    private PledgeListing read(CurrentUser user, UUID id, Optional<PledgeListing> listing) {
        return access.read(
                user,
                KIND,
                id,
                listing,
                l -> l.pledge().donorId(),
                RecordAccess.Sensitivity.MEDICAL);
    }
}
