package org.ramsetu.infra.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * An e-mail address with an optional display name ({@code null} or blank for none). Both are
 * checked here, so no address can carry a line break into a header.
 */
public record MailAddress(String address, String name) {

    public MailAddress {
        HeaderValues.requireSingleLine("e-mail address", address);
        if (name != null) {
            HeaderValues.requireSingleLine("display name", name);
            name = name.isBlank() ? null : name.strip();
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (!parsed.getAddress().equals(address) || !address.contains("@")) {
                throw new AddressException("not a plain address", address);
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "not an e-mail address like coordinator@hospital.example: '" + address + "'",
                    e);
        }
    }

    public static MailAddress of(String address) {
        return new MailAddress(address, null);
    }

    public static MailAddress of(String address, String name) {
        return new MailAddress(address, name);
    }

    /** The part after {@code @}, e.g. for Message-IDs under the sender's own domain. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    InternetAddress toInternetAddress() {
        try {
            return new InternetAddress(address, name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    @Override
    public String toString() {
        return toInternetAddress().toUnicodeString();
    }
}
