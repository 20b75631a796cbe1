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
        if (failure instanceof SessionCheckUnavailableException) {
            // The token may be fine; what failed is checking its session (the database).
            response.setHeader("Retry-After", "2");
            ProblemWriter.write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "database-unavailable",
                    "Database unavailable",
                    "the session of this access token could not be checked just now (the database"
                            + " is unavailable for a moment); try again shortly");
            return;
        }
        bearer.commence(request, response, failure);
        if (failure instanceof SessionEndedException) {
            ProblemWriter.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "session-ended",
                    "Signed out",
                    "this session was signed out (logout, password reset, a reused refresh token"
                            + " or a coordinator revoking it); log in again");
            return;
        }
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
