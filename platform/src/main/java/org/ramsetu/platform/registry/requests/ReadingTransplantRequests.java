package org.ramsetu.platform.registry.requests;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.ListingFilter;
import org.ramsetu.platform.registry.common.Roles;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;

/**
 * Transplant requests as their patient and coordinators see them. Every request a coordinator
 * reads, alone or in a list, leaves a {@code MEDICAL_RECORD_READ} audit row.
 */
public class ReadingTransplantRequests {

    static final String KIND = "transplant request";

    private final TransplantRequests requests;
    private final RecordAccess access;
    private final Clock clock;

    public ReadingTransplantRequests(
            TransplantRequests requests, RecordAccess access, Clock clock) {
        this.requests = requests;
        this.access = access;
        this.clock = clock;
    }

    /**
     * @throws DomainException NotFound when there is no such request or it is someone else's
     */
    public TransplantRequestView one(CurrentUser user, UUID id) {
        return TransplantRequestView.of(read(user, id, requests.findListing(id)), Sql.now(clock));
    }

    /** A patient's own requests, or for coordinators everyone's; newest first. */
    public Page<TransplantRequestView> list(
            CurrentUser user, ListingFilter<RequestStatus> filter, PageRequest page) {
        Roles.requireOrCoordinator(user, Role.PATIENT, "list transplant requests");
        ListingFilter<RequestStatus> scoped =
                user.isCoordinator() ? filter : filter.ofOwner(user.id());
        var now = Sql.now(clock);
        return Page.of(
                        requests.page(scoped, page),
                        page.limit(),
                        l -> new Cursor(l.request().listedAt(), l.request().id()))
                .map(
                        listing ->
                                TransplantRequestView.of(
                                        read(user, listing.request().id(), Optional.of(listing)),
                                        now))
                .withTotal(requests.count(scoped));
    }

    private RequestListing read(CurrentUser user, UUID id, Optional<RequestListing> listing) {
        return access.read(
                user,
                KIND,
                id,
                listing,
                l -> l.request().patientId(),
                RecordAccess.Sensitivity.MEDICAL);
    }
}
