package org.ramsetu.platform.registry.common;

import java.util.List;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.IndianStates;
import org.ramsetu.platform.records.ListQuery;
import org.springframework.modulith.NamedInterface;

/**
 * What a list of listings asks for, pledges and transplant requests alike; every part optional. The
 * place is the owner's as the listing records it: the donor's home for a pledge, the treating
 * hospital for a request.
 *
 * @param ownerId only this donor's or patient's listings (always set for an owner's own list)
 * @param cityKey the place's city, compared case-insensitively
 * @param state the place's state
 * @param bloodGroups the owner's blood group is one of these
 * @param centreId only the listings at this transplant centre (transplant requests; pledges have no
 *     centre)
 * @param search a part of the owner's name or e-mail address, any case (as a {@code like} pattern,
 *     escaped); null for everyone
 * @param <S> the listing's statuses
 */
@NamedInterface("vocabulary")
public record ListingFilter<S extends Enum<S>>(
        UUID ownerId,
        S status,
        Organ organ,
        String cityKey,
        String state,
        List<String> bloodGroups,
        UUID centreId,
        String search) {

    /** The longest search text: more than any name or address part a coordinator types. */
    public static final int MAX_SEARCH = 100;

    /** Any listing's filter, at a centre or not: no search. */
    public ListingFilter(
            UUID ownerId,
            S status,
            Organ organ,
            String cityKey,
            String state,
            List<String> bloodGroups,
            UUID centreId) {
        this(ownerId, status, organ, cityKey, state, bloodGroups, centreId, null);
    }

    /** Any listing's filter: no centre. */
    public ListingFilter(
            UUID ownerId,
            S status,
            Organ organ,
            String cityKey,
            String state,
            List<String> bloodGroups) {
        this(ownerId, status, organ, cityKey, state, bloodGroups, null);
    }

    /**
     * The columns a kind of listing is filtered on, qualified by its table's alias.
     *
     * @param centre null for listings that have no centre
     */
    public record Columns(
            String owner,
            String status,
            String organ,
            String cityKey,
            String state,
            String bloodGroup,
            String centre) {

        /** Columns of a listing without a centre. */
        public Columns(
                String owner,
                String status,
                String organ,
                String cityKey,
                String state,
                String bloodGroup) {
            this(owner, status, organ, cityKey, state, bloodGroup, null);
        }
    }

    /** Nothing asked for: every listing. */
    public static <S extends Enum<S>> ListingFilter<S> none() {
        return new ListingFilter<>(null, null, null, null, null, null);
    }

    /** From the query parameters; each bad value is a 400 naming its parameter. */
    public static <S extends Enum<S>> ListingFilter<S> of(
            Class<S> statuses,
            String status,
            String organ,
            String city,
            String state,
            String bloodGroup) {
        String cityText = Fields.optionalLine("city", city, 100);
        return new ListingFilter<>(
                null,
                Fields.optionalEnum("status", status, statuses),
                Fields.optionalEnum("organ", organ, Organ.class),
                cityText == null ? null : Location.cityKey(cityText),
                state == null || state.isBlank() ? null : IndianStates.canonical("state", state),
                BloodGroupFilter.groups("bloodGroup", bloodGroup));
    }

    /** The same filter, narrowed to one owner's listings. */
    public ListingFilter<S> ofOwner(UUID owner) {
        return new ListingFilter<>(
                owner, status, organ, cityKey, state, bloodGroups, centreId, search);
    }

    /**
     * The same filter, narrowed to one owner's listings when {@code owner} is given (the {@code
     * donor} or {@code patient} parameter); see {@link #requireOwnListUnlessCoordinator}.
     */
    public ListingFilter<S> ofOwnerIfGiven(UUID owner) {
        return owner == null ? this : ofOwner(owner);
    }

    /**
     * A donor or patient lists only their own listings: naming another owner is refused rather than
     * silently answered with their own.
     *
     * @throws org.ramsetu.platform.kernel.DomainException Forbidden when a caller who is not a
     *     coordinator names an owner other than themselves
     */
    public void requireOwnListUnlessCoordinator(boolean coordinator, UUID caller, String what) {
        if (!coordinator && ownerId != null && !ownerId.equals(caller)) {
            throw new Forbidden("wrong-role", "only coordinators list another person's " + what);
        }
    }

    /** The same filter, narrowed to the listings at one centre. */
    public ListingFilter<S> atCentre(UUID centre) {
        return new ListingFilter<>(
                ownerId, status, organ, cityKey, state, bloodGroups, centre, search);
    }

    /**
     * The same filter, narrowed to owners whose name or e-mail address contains {@code text}, any
     * case (the parameter {@code q}).
     *
     * @throws org.ramsetu.platform.kernel.DomainException InvalidInput naming {@code q} for a text
     *     longer than {@link #MAX_SEARCH} or on several lines
     */
    public ListingFilter<S> searching(String text) {
        String line = Fields.optionalLine("q", text, MAX_SEARCH);
        if (line == null) {
            return this;
        }
        return new ListingFilter<>(
                ownerId,
                status,
                organ,
                cityKey,
                state,
                bloodGroups,
                centreId,
                ListQuery.containing(line));
    }

    /** The filter as conditions on {@code columns}, values bound. */
    public ListQuery where(Columns columns) {
        return new ListQuery()
                .filter(columns.owner() + " = :owner", "owner", ownerId)
                .filter(
                        columns.status() + " = :status",
                        "status",
                        status == null ? null : StatusCode.of(status))
                .filter(columns.organ() + " = :organ", "organ", organ == null ? null : organ.name())
                .filter(columns.cityKey() + " = :city", "city", cityKey)
                .filter(columns.state() + " = :state", "state", state)
                .filter(columns.bloodGroup() + " in (:groups)", "groups", bloodGroups)
                .filter(columns.centre() + " = :centre", "centre", centreId(columns))
                // Names live with the accounts: their published view, not their table.
                .filter(
                        columns.owner()
                                + " in (select h.id from account_holder h where"
                                + " lower(h.full_name) like :search or h.email_key like :search)",
                        "search",
                        search);
    }

    private UUID centreId(Columns columns) {
        if (centreId != null && columns.centre() == null) {
            throw new IllegalArgumentException("these listings have no centre to filter by");
        }
        return centreId;
    }
}
