package org.ramsetu.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the web application's {@code index.html} for its client-side routes (e.g. {@code
 * /donor/pledges}), so that a bookmark or a reload works: a {@code GET} that asks for HTML, outside
 * the API, operations and documentation paths, for a path without a file extension. Everything else
 * passes untouched (an unknown {@code /api/**} path still answers its problem details).
 */
public class SpaFallbackFilter extends OncePerRequestFilter {

    static final String INDEX = "/index.html";

    private static final List<String> NOT_THE_APP =
            List.of(
                    "/api/",
                    "/actuator",
                    "/v1/",
                    "/v3/",
                    "/swagger-ui",
                    "/assets/",
                    "/error",
                    "/.well-known/");

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAppRoute(request)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            request.getRequestDispatcher(INDEX).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isAppRoute(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.equals(INDEX)) {
            return false;
        }
        for (String prefix : NOT_THE_APP) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
