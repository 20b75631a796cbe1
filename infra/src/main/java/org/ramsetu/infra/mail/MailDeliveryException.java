package org.ramsetu.infra.mail;

/** The message could not be handed to the mail folder or SMTP server; retrying may succeed. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
