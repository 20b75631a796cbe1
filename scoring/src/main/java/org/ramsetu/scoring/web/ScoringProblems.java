package org.ramsetu.scoring.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.ramsetu.infra.scoring.CandidateProblem;
import org.ramsetu.infra.scoring.InvalidCandidatesException;
import org.ramsetu.infra.scoring.ScoringUnavailableException;
import org.ramsetu.infra.scoring.TooManyCandidatesException;
import org.ramsetu.infra.scoring.UnknownOrganException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the scoring API, each with a detail a person can act on. */
@RestControllerAdvice(assignableTypes = ScoringController.class)
public class ScoringProblems {

    private static final String TYPE_BASE = "https://ramsetu.org/problems/scoring/";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownOrgan(UnknownOrganException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-organ", "Unknown organ", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidCandidatesException e) {
        ResponseEntity<ProblemDetail> response =
                problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-candidates",
                        "Invalid candidates",
                        e.getMessage());
        List<Map<String, Object>> errors =
                e.problems().stream().map(ScoringProblems::asMap).toList();
        response.getBody().setProperty("errors", errors);
        return response;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooMany(TooManyCandidatesException e) {
        ResponseEntity<ProblemDetail> response =
                problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "too-many-candidates",
                        "Too many candidates",
                        e.getMessage());
        response.getBody().setProperty("limit", e.limit());
        response.getBody().setProperty("count", e.count());
        return response;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(ScoringUnavailableException e) {
        ResponseEntity<ProblemDetail> response =
                problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "models-not-ready",
                        "Models not ready",
                        e.getMessage());
        return ResponseEntity.status(response.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(response.getHeaders().getContentType())
                .body(response.getBody());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(tools.jackson.core.JacksonException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "unreadable-body",
                "Unreadable request body",
                "the body must be JSON like {\"candidates\": [{\"id\": \"c1\", \"features\": {...}}],"
                        + " \"topK\": 10}: "
                        + firstLine(e.getOriginalMessage()));
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static Map<String, Object> asMap(CandidateProblem p) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("candidateId", p.candidateId());
        m.put("index", p.index());
        m.put("field", p.field());
        m.put("message", p.message());
        return m;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
