package org.ramsetu.platform.accounts;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;

/**
 * The opt-in cookie mode of the token endpoints, for the web application (docs/SECURITY.md "Web
 * sessions"). A request that carries {@value #HEADER}{@code : cookie} gets its refresh token as an
 * {@code HttpOnly; Secure; SameSite=Strict} cookie scoped to {@value #PATH} instead of in the JSON
 * body, so page scripts never see it; refresh and logout read it from the cookie, but only when the
 * header is present (a cross-site form or image cannot set a custom header). Without the header the
 * endpoints behave exactly as docs/api.md documents.
 */
public final class RefreshCookie {

    public static final String HEADER = "X-RamSetu-Session";
    public static final String NAME = "ramsetu_refresh";
    public static final String PATH = "/api/v1/auth";

    private final Duration lifetime;

    public RefreshCookie(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Whether the caller asked for cookie mode. */
    public static boolean requested(HttpServletRequest request) {
        return "cookie".equalsIgnoreCase(request.getHeader(HEADER));
    }

    /** The refresh token of the cookie, in cookie mode only. */
    public static Optional<String> read(HttpServletRequest request) {
        if (!requested(request) || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> NAME.equals(c.getName()))
                .map(Cookie::getValue)
                .filter(v -> !v.isBlank())
                .findFirst();
    }

    /** The tokens as answered: in cookie mode the refresh token moves to the cookie. */
    public ResponseEntity<AuthTokens> answer(HttpServletRequest request, AuthTokens tokens) {
        if (!requested(request)) {
            return ResponseEntity.ok(tokens);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie(tokens.refreshToken(), lifetime))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(
                        new AuthTokens(
                                tokens.accessToken(),
                                null,
                                tokens.tokenType(),
                                tokens.expiresIn(),
                                tokens.user(),
                                tokens.recoveryCodes()));
    }

    /** A {@code Set-Cookie} that removes the cookie. */
    public static String cleared() {
        return cookie("", Duration.ZERO);
    }

    private static String cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict")
                .path(PATH)
                .maxAge(maxAge)
                .build()
                .toString();
    }
}
