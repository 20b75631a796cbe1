package org.ramsetu.platform.matching;

import java.util.Collection;
import java.util.HashMap;
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
     * Several donors at once, for a list that reveals them (an unknown account is left out): one
     * read of the accounts and one of the profiles, whatever the list's length.
     */
    public Map<UUID, Party> donors(Collection<UUID> accountIds) {
        Set<AccountId> ids = accountIds(accountIds);
        Map<AccountId, String> places = new HashMap<>();
        donors.find(ids).forEach((id, d) -> places.put(id, place(d.location())));
        return parties(ids, places);
    }

    /** Several patients at once, as {@link #donors(Collection)}. */
    public Map<UUID, Party> patients(Collection<UUID> accountIds) {
        Set<AccountId> ids = accountIds(accountIds);
        Map<AccountId, String> places = new HashMap<>();
        patients.find(ids).forEach((id, p) -> places.put(id, place(p.hospital())));
        return parties(ids, places);
    }

    /**
     * The names of several accounts at once, for lists that show who each row is about (an unknown
     * account is left out).
     */
    public Map<UUID, String> names(Collection<UUID> accountIds) {
        Map<UUID, String> names = new HashMap<>();
        contacts.of(accountIds(accountIds)).forEach((id, c) -> names.put(id.value(), c.fullName()));
        return names;
    }

    /** Every coordinator account, to be told about a degraded run. */
    public List<Party> coordinators() {
        return contacts.coordinators().stream().map(c -> party(c, null)).toList();
    }

    private Map<UUID, Party> parties(Set<AccountId> ids, Map<AccountId, String> places) {
        Map<UUID, Party> parties = new HashMap<>();
        contacts.of(ids).forEach((id, c) -> parties.put(id.value(), party(c, places.get(id))));
        return parties;
    }

    private static Set<AccountId> accountIds(Collection<UUID> ids) {
        return ids.stream().map(AccountId::new).collect(Collectors.toSet());
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
