package org.ramsetu.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ramsetu.infra.ratelimit.RateLimitDecision;
import org.ramsetu.infra.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The general API limit ({@code api}, 100 per minute by default): per signed-in user, or per client
 * address for anonymous calls. Runs after authentication so the user is known.
 */
final class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;

    ApiRateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key =
                CurrentUser.ofCurrentRequest()
                        .map(user -> "user:" + user.id())
                        .orElseGet(() -> "ip:" + request.getRemoteAddr());
        RateLimitDecision decision = limiter.tryConsume(RequestLimits.API, key);
        if (!decision.allowed()) {
            response.setHeader(
                    HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            ProblemWriter.write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate-limited",
                    "Too many requests",
                    "too many requests; " + decision.tryAgainIn());
            return;
        }
        chain.doFilter(request, response);
    }
}
