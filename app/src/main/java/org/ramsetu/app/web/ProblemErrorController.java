package org.ramsetu.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.ramsetu.platform.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The servlet container's error page on every target: what no controller advice answered (a route
 * that does not exist, a method a route does not take, an unreadable upload, an actuator
 * operation's bad argument, a filter's {@code sendError}) is answered here as problem details,
 * never as an HTML page or Spring Boot's own JSON. Asked for directly, {@code /error} is a route
 * that does not exist.
 */
@Hidden // the container's error page, not a route of the API
@RestController
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ErrorAttributes errors;

    ProblemErrorController(ErrorAttributes errors) {
        this.errors = errors;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable failure = errors.getError(new ServletWebRequest(request));
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        ProblemDetail body = problem(request.getMethod(), path, code, failure);
        return ResponseEntity.status(body.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static ProblemDetail problem(
            String method, String path, Object code, Throwable failure) {
        if (code == null) {
            return EdgeProblems.notFound(path);
        }
        if (EdgeProblems.has(failure, MultipartException.class)
                || EdgeProblems.has(failure, FileUploadException.class)) {
            return EdgeProblems.unreadableUpload(path, failure);
        }
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || status.is5xxServerError()) {
            log.error("Unexpected error answering {} {}", method, path, failure);
            return EdgeProblems.at(
                    path,
                    ProblemResponses.body(
                            HttpStatus.INTERNAL_SERVER_ERROR,
                            "internal",
                            "Internal error",
                            "something went wrong on our side; try again, and tell the RamSetu"
                                    + " team if it persists"));
        }
        return switch (status) {
            case NOT_FOUND -> EdgeProblems.notFound(path);
            // The error dispatch does not keep the request's method reliably: not named.
            case METHOD_NOT_ALLOWED -> EdgeProblems.methodNotAllowed(null, path);
            default ->
                    EdgeProblems.at(
                            path,
                            ProblemResponses.body(
                                    status,
                                    ProblemResponses.typeOf(status),
                                    status.getReasonPhrase(),
                                    detail(status, failure)));
        };
    }

    /** A refusal's own reason when it is ours to give (an actuator operation's bad argument). */
    private static String detail(HttpStatus status, Throwable failure) {
        if (failure instanceof ResponseStatusException refusal
                && refusal.getReason() != null
                && !refusal.getReason().isBlank()) {
            return refusal.getReason();
        }
        return "the request was refused: " + status.getReasonPhrase().toLowerCase(Locale.ROOT);
    }
}
