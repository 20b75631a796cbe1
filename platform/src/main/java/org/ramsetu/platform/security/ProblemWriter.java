package org.ramsetu.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ramsetu.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Writes problem details from servlet filters, where no controller advice runs. */
final class ProblemWriter {

    private ProblemWriter() {}

    static void write(
            HttpServletResponse response,
            HttpStatus status,
            String type,
            String title,
            String detail)
            throws IOException {
        ProblemDetail body = ProblemResponses.body(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(ProblemResponses.json(body));
    }
}
