package org.ramsetu.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as problem details, with the standard {@code WWW-Authenticate: Bearer} header saying why a
 * token was refused.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer =
            new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure);
        boolean tokenGiven = request.getHeader("Authorization") != null;
        ProblemWriter.write(
                response,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Not signed in",
                tokenGiven
                        ? "the access token is invalid or has expired; refresh it at"
                                + " /api/v1/auth/refresh or log in again"
                        : "sign in first and send the access token as 'Authorization: Bearer"
                                + " <token>'");
    }
}
