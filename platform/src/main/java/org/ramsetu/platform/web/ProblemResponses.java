package org.ramsetu.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the RFC 9457 body every platform error shares. */
public final class ProblemResponses {

    public static final String TYPE_BASE = "https://ramsetu.org/problems/";

    private ProblemResponses() {}

    public static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }

    public static ResponseEntity<ProblemDetail> of(ApiProblem problem) {
        ProblemDetail body =
                body(problem.status(), problem.type(), problem.title(), problem.getMessage());
        if (!problem.fieldErrors().isEmpty()) {
            List<Map<String, String>> errors = new ArrayList<>();
            problem.fieldErrors()
                    .forEach(
                            (field, message) ->
                                    errors.add(Map.of("field", field, "message", message)));
            body.setProperty("errors", errors);
        }
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(problem.status())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (!problem.retryAfter().isZero()) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        return response.body(body);
    }
}
