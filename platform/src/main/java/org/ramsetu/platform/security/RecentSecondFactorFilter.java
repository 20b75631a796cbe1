package org.ramsetu.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.ramsetu.platform.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Sensitive coordinator actions want a second factor checked recently, not only at sign-in: changes
 * to accounts (sessions, second factors), re-processing batches, and every change through the
 * operations endpoints (feature flags, schedules, jobs). A coordinator whose token's {@code mfa}
 * time is older than the window gets 403 {@code second-factor-required} and steps up with a code.
 */
public final class RecentSecondFactorFilter extends OncePerRequestFilter {

    public static final String TYPE = "second-factor-required";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final Duration window;
    private final Clock clock;

    public RecentSecondFactorFilter(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** Whether the request is one of the sensitive actions this filter guards. */
    static boolean sensitive(HttpServletRequest request) {
        if (READS.contains(request.getMethod())) {
            return false;
        }
        // Decoded as the dispatcher maps it, so that %61ccounts cannot pass for another path.
        String path = PATHS.getPathWithinApplication(request);
        return path.startsWith("/api/v1/admin/accounts/")
                || path.startsWith("/api/v1/admin/reprocessing/")
                || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (sensitive(request)
                && auth instanceof JwtAuthenticationToken token
                && Role.exactly(token.getToken().getClaimAsString(AccessTokens.ROLE_CLAIM))
                        .filter(Role::needsSecondFactor)
                        .isPresent()
                && !recent(AccessTokens.secondFactorAt(token.getToken()))) {
            ProblemWriter.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    TYPE,
                    "Second factor needed",
                    "this action needs your second factor checked within the last "
                            + window.toMinutes()
                            + " minutes: send the current code of your authenticator to POST"
                            + " /api/v1/auth/second-factor/step-up, then repeat the request with"
                            + " the access token it answers");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean recent(Optional<Instant> secondFactorAt) {
        return secondFactorAt.filter(at -> !at.isBefore(clock.instant().minus(window))).isPresent();
    }
}
