package org.ramsetu.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/** Builds the RFC 9457 body every platform error shares. */
public final class ProblemResponses {

    public static final String TYPE_BASE = "https://ramsetu.org/problems/";

    private static final JsonMapper JSON =
            JsonMapper.builder()
                    .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                    .build();

    private ProblemResponses() {}

    public static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }

    /**
     * The problem type of an answer that has nothing more specific than its status, e.g. {@code
     * unsupported-media-type} for 415.
     */
    public static String typeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "status-" + status.value()
                : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The body as JSON, for code that writes it without Spring MVC's converters (filters, the
     * servlet container's error valve): the same fields, and no empty ones.
     */
    public static byte[] json(ProblemDetail body) {
        return JSON.writeValueAsBytes(body);
    }

    /** One field error: its English message, and its kind for a translation where known. */
    private static Map<String, Object> error(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        FieldErrorCodes.of(message)
                .ifPresent(
                        coded -> {
                            error.put("code", coded.code());
                            error.put("params", coded.params());
                        });
        return error;
    }

    public static ResponseEntity<ProblemDetail> of(ApiProblem problem) {
        ProblemDetail body =
                body(problem.status(), problem.type(), problem.title(), problem.getMessage());
        if (!problem.fieldErrors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            problem.fieldErrors().forEach((field, message) -> errors.add(error(field, message)));
            body.setProperty("errors", errors);
        }
        problem.extensions().forEach(body::setProperty);
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(problem.status())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (!problem.retryAfter().isZero()) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        return response.body(body);
    }
}
