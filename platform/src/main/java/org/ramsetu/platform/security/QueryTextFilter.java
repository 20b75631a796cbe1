package org.ramsetu.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string holding a control character (400 naming the parameter) before any
 * controller reads it: no filter, search or cursor needs one, and a NUL would reach PostgreSQL,
 * which refuses it in text with an error that is no fault of the server's.
 */
final class QueryTextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refused = firstRefusedParameter(request.getQueryString());
        if (refused.isPresent()) {
            ProblemWriter.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "Invalid request",
                    refused.get()
                            + ": holds a control character (such as NUL) or a broken"
                            + " percent-escape; send visible text");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The name of the first parameter whose name or value holds a control character. */
    static Optional<String> firstRefusedParameter(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                String value = URLDecoder.decode(rawValue, StandardCharsets.UTF_8);
                if (hasControl(name) || hasControl(value)) {
                    return Optional.of(visible(name));
                }
            } catch (IllegalArgumentException brokenEscape) {
                return Optional.of(visible(rawName));
            }
        }
        return Optional.empty();
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static String visible(String name) {
        String shown =
                name.codePoints()
                        .filter(c -> !Character.isISOControl(c))
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString();
        return shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
    }
}
