package org.ramsetu.platform.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The session of a well-signed token could not be checked (the database did not answer). Not an
 * {@code AuthenticationServiceException}, which Spring Security rethrows as a 500: this one reaches
 * the entry point, which answers 503 with {@code Retry-After}.
 */
final class SessionCheckUnavailableException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    SessionCheckUnavailableException(Throwable cause) {
        super("the session could not be checked now", cause);
    }
}
