package org.ramsetu.platform.documents;

import java.util.UUID;
import org.ramsetu.platform.accounts.Contacts.Contact;

/**
 * Who uploaded a document, as the coordinators' review queue shows it. Its own type, not the
 * accounts' {@code Contact}: the API description already has a {@code Contact} (a match party's).
 */
public record DocumentOwner(UUID accountId, String fullName, String email) {

    static DocumentOwner of(Contact contact) {
        return new DocumentOwner(contact.id(), contact.fullName(), contact.email());
    }
}
