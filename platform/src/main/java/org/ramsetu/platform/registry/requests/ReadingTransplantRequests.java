package org.ramsetu.platform.registry.requests;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.centres.ListingCentres;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;
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

    /** The {@code centre} of a list that asks for the caller's own centre. */
    static final String MY_CENTRE = "mine";

    private final TransplantRequests requests;
    private final ListingCentres centres;
    private final RecordAccess access;
    private final Clock clock;

    public ReadingTransplantRequests(
            TransplantRequests requests, ListingCentres centres, RecordAccess access, Clock clock) {
        this.requests = requests;
        this.centres = centres;
        this.access = access;
        this.clock = clock;
    }

    /**
     * @throws DomainException NotFound when there is no such request or it is someone else's
     */
    public TransplantRequestView one(CurrentUser user, UUID id) {
        return TransplantRequestView.of(read(user, id, requests.findListing(id)), Sql.now(clock));
    }

    /**
     * A patient's own requests, or for coordinators everyone's, in {@code order}.
     *
     * @param centre a centre's id, {@code mine} for the coordinator's own centre, or null for all
     * @throws DomainException InvalidInput for a centre that is not an id, or {@code mine} from
     *     someone who works for no centre
     */
    public Page<TransplantRequestView> list(
            CurrentUser user,
            ListingFilter<RequestStatus> filter,
            @Nullable String centre,
            PageRequest page,
            RequestOrder order) {
        Roles.requireOrCoordinator(user, Role.PATIENT, "list transplant requests");
        filter.requireOwnListUnlessCoordinator(
                user.isCoordinator(), user.id(), "transplant requests");
        ListingFilter<RequestStatus> atCentre =
                centre == null || centre.isBlank() ? filter : filter.atCentre(centre(user, centre));
        ListingFilter<RequestStatus> scoped =
                user.isCoordinator() ? atCentre : atCentre.ofOwner(user.id());
        var now = Sql.now(clock);
        return Page.of(
                        requests.page(scoped, page, order),
                        page.limit(),
                        l -> order.cursorOf(l.request()))
                .map(
                        listing ->
                                TransplantRequestView.of(
                                        read(user, listing.request().id(), Optional.of(listing)),
                                        now))
                .withTotal(requests.count(scoped));
    }

    private UUID centre(CurrentUser user, String centre) {
        if (MY_CENTRE.equals(centre)) {
            return centres.employerOf(new AccountId(user.id()))
                    .map(TransplantCentreId::value)
                    .orElseThrow(
                            () ->
                                    InvalidInput.field(
                                            "centre",
                                            "you work for no transplant centre; name one by its"
                                                    + " id"));
        }
        try {
            return UUID.fromString(centre);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("centre", "is a centre's id or \"mine\"");
        }
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
