package org.ramsetu.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the limit (413) before anything reads them: one limit for the
 * platform API, a larger one for the scoring API's candidate lists. Uploads (multipart) have their
 * own limit in {@code spring.servlet.multipart.*}.
 */
final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxApiBytes;
    private final long maxScoringBytes;

    BodySizeLimitFilter(long maxApiBytes, long maxScoringBytes) {
        this.maxApiBytes = maxApiBytes;
        this.maxScoringBytes = maxScoringBytes;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase().startsWith("multipart/");
        long maxBytes = request.getRequestURI().startsWith("/v1/") ? maxScoringBytes : maxApiBytes;
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if (!upload && (length > maxBytes || chunked)) {
            ProblemWriter.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "body-too-large",
                    "Request body too large",
                    chunked
                            ? "send the body with a Content-Length (at most " + maxBytes + " bytes)"
                            : "the body has "
                                    + length
                                    + " bytes; at most "
                                    + maxBytes
                                    + " are accepted");
            return;
        }
        chain.doFilter(request, response);
    }
}
