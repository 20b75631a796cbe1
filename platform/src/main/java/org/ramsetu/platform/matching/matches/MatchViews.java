package org.ramsetu.platform.matching.matches;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ramsetu.platform.matching.MatchParties;
import org.ramsetu.platform.security.CurrentUser;

/**
 * Renders a match for the one reading it. Donation is anonymous (THOTA in India, OPTN policy in the
 * US): the patient never learns who the donor is, the donor never learns who the patient is, before
 * or after approval; transplant centres (coordinators) see both. A patient's distance to the donor
 * is rounded ({@link #ROUNDED_KM}) so that it cannot single out a donor's town.
 */
class MatchViews {

    /** The grain of distances shown to patients. */
    static final double ROUNDED_KM = 50;

    private final MatchParties parties;

    MatchViews(MatchParties parties) {
        this.parties = parties;
    }

    MatchView of(Match m, CurrentUser reader) {
        return of(List.of(m), reader).get(0);
    }

    /**
     * Several matches, for a coordinator's list: the parties' names, and the contacts of the
     * approved matches' parties, read together once for the whole list (not per row): one read of
     * the accounts and one of each profile table.
     */
    List<MatchView> of(List<Match> matches, CurrentUser reader) {
        if (!reader.isCoordinator()) {
            return matches.stream().map(m -> ofParty(m, reader)).toList();
        }
        Set<UUID> people = new HashSet<>();
        Set<UUID> approvedDonors = new HashSet<>();
        Set<UUID> approvedPatients = new HashSet<>();
        matches.forEach(
                m -> {
                    people.add(m.patientId());
                    people.add(m.donorId());
                    if (m.status() == MatchStatus.APPROVED) {
                        approvedDonors.add(m.donorId());
                        approvedPatients.add(m.patientId());
                    }
                });
        MatchParties.Listing listing = parties.listing(people, approvedDonors, approvedPatients);
        Map<UUID, String> names = listing.names();
        Map<UUID, MatchView.Contact> donors = contacts(listing.donors());
        Map<UUID, MatchView.Contact> patients = contacts(listing.patients());
        return matches.stream()
                .map(
                        m -> {
                            boolean approved = m.status() == MatchStatus.APPROVED;
                            return full(
                                    m,
                                    approved ? donors.get(m.donorId()) : null,
                                    approved ? patients.get(m.patientId()) : null,
                                    names.get(m.patientId()),
                                    names.get(m.donorId()));
                        })
                .toList();
    }

    private static MatchView ofParty(Match m, CurrentUser reader) {
        if (reader.owns(m.patientId())) {
            return new MatchView(
                    m.id(),
                    null,
                    m.requestId(),
                    null,
                    m.patientId(),
                    null,
                    m.organ().name(),
                    m.rank(),
                    m.score(),
                    m.mlScore(),
                    rounded(m.distanceKm()),
                    m.status().name(),
                    m.declineReason() == null ? null : m.declineReason().name(),
                    m.declineNote(),
                    m.createdAt(),
                    m.decidedAt(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        // The donor of an approved match (the only matches a donor is shown): their pledge, not
        // whom it went to.
        return new MatchView(
                m.id(),
                null,
                null,
                m.pledgeId(),
                null,
                m.donorId(),
                m.organ().name(),
                m.rank(),
                null,
                null,
                null,
                m.status().name(),
                null,
                null,
                m.createdAt(),
                m.decidedAt(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Rounded to the nearest {@link #ROUNDED_KM}, and never below it. */
    static Double rounded(Double km) {
        return km == null ? null : Math.max(ROUNDED_KM, Math.round(km / ROUNDED_KM) * ROUNDED_KM);
    }

    private static MatchView full(
            Match m,
            MatchView.Contact donor,
            MatchView.Contact patient,
            String patientName,
            String donorName) {
        return new MatchView(
                m.id(),
                m.runId(),
                m.requestId(),
                m.pledgeId(),
                m.patientId(),
                m.donorId(),
                m.organ().name(),
                m.rank(),
                m.score(),
                m.mlScore(),
                m.distanceKm(),
                m.status().name(),
                m.declineReason() == null ? null : m.declineReason().name(),
                m.declineNote(),
                m.createdAt(),
                m.decidedAt(),
                m.decidedBy(),
                m.supersededByRun(),
                m.version(),
                donor,
                patient,
                patientName,
                donorName);
    }

    private static Map<UUID, MatchView.Contact> contacts(Map<UUID, MatchParties.Party> parties) {
        Map<UUID, MatchView.Contact> contacts = new HashMap<>();
        parties.forEach(
                (id, p) ->
                        contacts.put(
                                id, new MatchView.Contact(p.fullName(), p.email(), p.place())));
        return contacts;
    }
}
