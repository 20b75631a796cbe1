package org.ramsetu.platform.security;

import java.util.UUID;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.web.ApiProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The signed-in caller, taken from the verified access token. */
public record CurrentUser(UUID id, Role role) {

    public boolean isCoordinator() {
        return role == Role.ADMIN;
    }

    /**
     * The one refusal of a non-coordinator, the same everywhere.
     *
     * @param action completes "only transplant coordinators can …", e.g. {@code "open a donation
     *     case"}
     * @throws Forbidden ({@code coordinator-only}) unless the caller is a coordinator
     */
    public void requireCoordinator(String action) {
        if (!isCoordinator()) {
            throw new Forbidden("coordinator-only", "only transplant coordinators can " + action);
        }
    }

    public boolean owns(UUID ownerId) {
        return id.equals(ownerId);
    }

    /** The caller of the current request, if it presented a valid token. */
    public static java.util.Optional<CurrentUser> ofCurrentRequest() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            return Role.exactly(token.getToken().getClaimAsString(AccessTokens.ROLE_CLAIM))
                    .map(role -> new CurrentUser(UUID.fromString(token.getName()), role));
        }
        return java.util.Optional.empty();
    }

    /** The session (login) the current request's access token belongs to, if it names one. */
    public static java.util.Optional<UUID> sessionOfCurrentRequest() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            return java.util.Optional.ofNullable(
                            token.getToken().getClaimAsString(AccessTokens.SESSION_CLAIM))
                    .map(UUID::fromString);
        }
        return java.util.Optional.empty();
    }

    /**
     * @throws ApiProblem 401 when the request carries no valid token
     */
    public static CurrentUser required() {
        return ofCurrentRequest()
                .orElseThrow(() -> ApiProblem.unauthorized("sign in to use this part of the API"));
    }
}
