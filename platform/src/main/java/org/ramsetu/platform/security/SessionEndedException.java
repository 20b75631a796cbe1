package org.ramsetu.platform.security;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** A well-signed access token whose session has ended; the caller must log in again. */
final class SessionEndedException extends InvalidBearerTokenException {

    private static final long serialVersionUID = 1L;

    SessionEndedException() {
        super("the session of this access token has ended");
    }
}
