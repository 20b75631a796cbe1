package org.ramsetu.platform.matching;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.accounts.Contacts.Contact;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.registry.common.Location;
import org.ramsetu.platform.registry.donors.DonorProfiles;
import org.ramsetu.platform.registry.patients.Hospital;
import org.ramsetu.platform.registry.patients.PatientProfiles;

/**
 * Who takes part in a match, for mails and the views that reveal a party after approval: names and
 * addresses from the accounts, places from the registry's profiles. Built from plain readers of
 * both, because the worker (which writes re-scored runs) runs without the accounts and registry
 * features.
 */
public class MatchParties {

    /** A person's name and address, and the place shown to the other party after approval. */
    public record Party(UUID id, String fullName, String email, String place) {
        public MailAddress address() {
            return new MailAddress(email, fullName);
        }
    }

    private final Contacts contacts;
    private final DonorProfiles donors;
    private final PatientProfiles patients;

    public MatchParties(Contacts contacts, DonorProfiles donors, PatientProfiles patients) {
        this.contacts = contacts;
        this.donors = donors;
        this.patients = patients;
    }

    /** The donor, placed at their home city; no place before they wrote a profile. */
    public Optional<Party> donor(UUID accountId) {
        return party(
                accountId, donors.find(new AccountId(accountId)).map(d -> place(d.location())));
    }

    /** The patient, placed at their transplant hospital; no place before they wrote a profile. */
    public Optional<Party> patient(UUID accountId) {
        return party(
                accountId, patients.find(new AccountId(accountId)).map(p -> place(p.hospital())));
    }

    /**
     * Who the rows of a list are about: the names of everyone on it, and the approved matches'
     * donors and patients revealed with their addresses and places.
     */
    public record Listing(
            Map<UUID, String> names, Map<UUID, Party> donors, Map<UUID, Party> patients) {}

    /**
     * The people of a list at once (an unknown account is left out): one read of the accounts for
     * everyone and one of each profile table for the revealed parties, whatever the list's length.
     *
     * @param people everyone named on the list
     * @param revealedDonors the donors shown with their contact details (approved matches)
     * @param revealedPatients the patients shown with their contact details (approved matches)
     */
    public Listing listing(
            Collection<UUID> people,
            Collection<UUID> revealedDonors,
            Collection<UUID> revealedPatients) {
        Set<AccountId> donorIds = accountIds(revealedDonors);
        Set<AccountId> patientIds = accountIds(revealedPatients);
        Set<AccountId> everyone = accountIds(people);
        everyone.addAll(donorIds);
        everyone.addAll(patientIds);
        Map<AccountId, Contact> found = contacts.of(everyone);

        Map<UUID, String> names = new HashMap<>();
        for (UUID id : people) {
            Contact c = found.get(new AccountId(id));
            if (c != null) {
                names.put(id, c.fullName());
            }
        }
        Map<AccountId, String> donorPlaces = new HashMap<>();
        donors.find(donorIds).forEach((id, d) -> donorPlaces.put(id, place(d.location())));
        Map<AccountId, String> patientPlaces = new HashMap<>();
        patients.find(patientIds).forEach((id, p) -> patientPlaces.put(id, place(p.hospital())));
        return new Listing(
                names,
                parties(donorIds, found, donorPlaces),
                parties(patientIds, found, patientPlaces));
    }

    /** Every coordinator account, to be told about a degraded run. */
    public List<Party> coordinators() {
        return contacts.coordinators().stream().map(c -> party(c, null)).toList();
    }

    private static Map<UUID, Party> parties(
            Set<AccountId> ids, Map<AccountId, Contact> contacts, Map<AccountId, String> places) {
        Map<UUID, Party> parties = new HashMap<>();
        for (AccountId id : ids) {
            Contact c = contacts.get(id);
            if (c != null) {
                parties.put(id.value(), party(c, places.get(id)));
            }
        }
        return parties;
    }

    private static Set<AccountId> accountIds(Collection<UUID> ids) {
        return ids.stream().map(AccountId::new).collect(Collectors.toCollection(HashSet::new));
    }

    private Optional<Party> party(UUID accountId, Optional<String> place) {
        return contacts.of(new AccountId(accountId)).map(c -> party(c, place.orElse(null)));
    }

    private static Party party(Contact contact, String place) {
        return new Party(contact.id(), contact.fullName(), contact.email(), place);
    }

    private static String place(Location location) {
        return location.city() + ", " + location.state();
    }

    private static String place(Hospital hospital) {
        return hospital.name() + ", " + place(hospital.location());
    }
}
