package org.ramsetu.platform.web;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.kernel.TooManyAttempts;
import org.ramsetu.platform.kernel.UnacceptableContent;
import org.ramsetu.platform.kernel.Unauthenticated;
import org.ramsetu.platform.kernel.Unavailable;
import org.springframework.http.HttpStatus;

/**
 * A refusal the API explains to the caller: the status, a short title, a detail a person can act on
 * and, for validation, the offending fields. Rendered as RFC 9457 problem details by {@link
 * ApiExceptionHandler}. Raised directly only by the web edge (controllers, filters, web helpers);
 * use cases throw a {@link DomainException}, which {@link #from} turns into one of these.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, String> fieldErrors;
    private final Duration retryAfter;
    private Map<String, String> extensions = Map.of();

    protected ApiProblem(
            HttpStatus status,
            String type,
            String title,
            String detail,
            Map<String, String> fieldErrors,
            Duration retryAfter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        // In the order given: a form lists the fields as the checks found them, top to bottom.
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        this.retryAfter = retryAfter;
    }

    /**
     * The one translation of a use case's refusal into HTTP: each kind answers with the status,
     * type, title, detail, fields and {@code Retry-After} its factory here gives, so the answer
     * does not depend on whether the refusal came from a use case or from the edge.
     */
    public static ApiProblem from(DomainException refusal) {
        ApiProblem problem = answer(refusal);
        problem.extensions = refusal.extensions();
        return problem;
    }

    private static ApiProblem answer(DomainException refusal) {
        String detail = refusal.getMessage();
        if (refusal instanceof InvalidInput invalid) {
            return invalid.namesFields()
                    ? new ApiProblem(
                            HttpStatus.BAD_REQUEST,
                            invalid.type(),
                            "Invalid request",
                            detail,
                            invalid.fieldErrors(),
                            Duration.ZERO)
                    : badRequest(invalid.type(), detail);
        }
        if (refusal instanceof NotFound) {
            return new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    NotFound.TYPE,
                    "Not found",
                    detail,
                    Map.of(),
                    Duration.ZERO);
        }
        if (refusal instanceof Conflict) {
            return conflict(refusal.type(), detail);
        }
        if (refusal instanceof Forbidden) {
            return forbidden(refusal.type(), detail);
        }
        if (refusal instanceof Unauthenticated) {
            return unauthorized(detail);
        }
        if (refusal instanceof TooManyAttempts tooMany) {
            return tooManyRequests(detail, tooMany.retryAfter());
        }
        if (refusal instanceof Unavailable unavailable) {
            return serviceUnavailable(
                    unavailable.type(), unavailable.title(), detail, unavailable.retryAfter());
        }
        if (refusal instanceof UnacceptableContent content) {
            return switch (content.reason()) {
                case TOO_LARGE -> contentTooLarge(detail);
                case UNSUPPORTED_TYPE -> unsupportedMediaType(detail);
                case UNSAFE_CONTENT ->
                        new ApiProblem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "unsafe-content",
                                "File refused",
                                detail,
                                Map.of(),
                                Duration.ZERO);
            };
        }
        throw new IllegalArgumentException(
                "no HTTP answer for " + refusal.getClass().getName(), refusal);
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST, type, "Bad request", detail, Map.of(), Duration.ZERO);
    }

    /** A validation failure of one field of the request body. */
    public static ApiProblem invalidField(String field, String message) {
        return invalidFields(Map.of(field, message));
    }

    /** Validation failures of fields of the request body, listed in the detail in map order. */
    public static ApiProblem invalidFields(Map<String, String> errors) {
        return from(InvalidInput.fields(errors));
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Not signed in",
                detail,
                Map.of(),
                Duration.ZERO);
    }

    public static ApiProblem forbidden(String type, String detail) {
        return new ApiProblem(
                HttpStatus.FORBIDDEN, type, "Forbidden", detail, Map.of(), Duration.ZERO);
    }

    /** Also what a caller gets for someone else's record: its existence is not disclosed. */
    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Not found",
                "no " + what + " with id " + id,
                Map.of(),
                Duration.ZERO);
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(
                HttpStatus.CONFLICT, type, "Conflict", detail, Map.of(), Duration.ZERO);
    }

    public static ApiProblem contentTooLarge(String detail) {
        return new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "Content too large",
                detail,
                Map.of(),
                Duration.ZERO);
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported file type",
                detail,
                Map.of(),
                Duration.ZERO);
    }

    public static ApiProblem serviceUnavailable(
            String type, String title, String detail, Duration retryAfter) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE, type, title, detail, Map.of(), retryAfter);
    }

    public static ApiProblem tooManyRequests(String detail, Duration retryAfter) {
        return new ApiProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                detail,
                Map.of(),
                retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /**
     * Members beside the standard ones, from the refusal ({@link DomainException#extensions()}).
     */
    public Map<String, String> extensions() {
        return extensions;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Zero unless the caller should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds();
        return retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
    }
}
