package org.ramsetu.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.infra.database.DatabaseFailures;
import org.ramsetu.platform.kernel.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the platform API as RFC 9457 problem details with a detail a person can act on;
 * validation errors name their fields. An unexpected failure answers 500 without internals.
 */
@RestControllerAdvice(basePackages = "org.ramsetu.platform")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** The {@code Retry-After} of answers that only mean "too busy right now". */
    private static final Duration COME_BACK_AFTER = Duration.ofSeconds(5);

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return ProblemResponses.of(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(DomainException refusal) {
        return ProblemResponses.of(ApiProblem.from(refusal));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidClinicalValue(InvalidClinicalValueException e) {
        return ProblemResponses.of(ApiProblem.invalidField(e.field(), e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleUpdate(OptimisticLockingFailureException e) {
        return ProblemResponses.of(
                ApiProblem.conflict(
                        "stale-update",
                        "the record was changed by someone else since you read it; read it again"
                                + " and repeat your change"));
    }

    /** A lock wait that timed out or a deadlock: another change of the same records won. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> lockConflict(PessimisticLockingFailureException e) {
        return ProblemResponses.of(
                ApiProblem.conflict(
                        "concurrent-change",
                        "someone changed the same records at the same moment; read them again and"
                                + " repeat your change if it still applies"));
    }

    /** A query past its time limit (cancelled by the database): nothing was written. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> queryTimeout(QueryTimeoutException e) {
        log.warn("A database query hit its time limit: {}", e.getMessage());
        return ProblemResponses.of(
                ApiProblem.serviceUnavailable(
                        "query-timeout",
                        "Took too long",
                        "the database did not answer in time, so nothing was changed; try again in"
                                + " a moment",
                        COME_BACK_AFTER));
    }

    /**
     * No database connection within the pool's wait: either every pooled connection stayed busy
     * (load beyond what the pool was sized for), or no new one could be made because the database
     * is down or failing over (the pool then reports the driver's connection error). Either way the
     * client should come back, not report a defect.
     */
    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> noConnection(RuntimeException e) {
        if (DatabaseFailures.isUnavailable(e)) {
            return databaseUnavailable(e);
        }
        log.warn("No database connection within the pool's wait: {}", e.getMessage());
        return ProblemResponses.of(
                ApiProblem.serviceUnavailable(
                        "database-busy",
                        "Too busy",
                        "the service could not reach its database in time because it is too busy;"
                                + " try again in a moment",
                        COME_BACK_AFTER));
    }

    /**
     * A database error that is not about the request: the connection died mid-request, the server
     * is shutting down or starting, or it is read-only because a standby is taking over ({@link
     * DatabaseFailures}). Any other database error is unexpected.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseFailure(RuntimeException e) {
        return DatabaseFailures.isUnavailable(e) ? databaseUnavailable(e) : unexpected(e);
    }

    private ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        log.warn("The database is unavailable (failing over?): {}", e.getMessage());
        // A connection that died during the commit may have committed: the detail does not
        // promise that nothing changed.
        return ProblemResponses.of(
                ApiProblem.serviceUnavailable(
                        "database-unavailable",
                        "Database unavailable",
                        "the database is unavailable for a moment (for example while a standby"
                                + " takes over); try again shortly, and if you were changing"
                                + " something, check whether it was saved or repeat it with the"
                                + " same Idempotency-Key",
                        COME_BACK_AFTER));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badPathOrQueryValue(MethodArgumentTypeMismatchException e) {
        String expected =
                e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return ProblemResponses.of(
                ApiProblem.invalidField(
                        e.getName(), "'" + e.getValue() + "' is not a valid " + expected));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof RuntimeException r && DatabaseFailures.isUnavailable(r)) {
            return databaseUnavailable(r); // wrapped in something other than Spring's types
        }
        log.error("Unexpected error answering a platform request", e);
        ProblemDetail body =
                ProblemResponses.body(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal error",
                        "something went wrong on our side and nothing was changed by the failed"
                                + " step; try again, and tell the RamSetu team if it persists");
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        return widen(ProblemResponses.of(ApiProblem.invalidFields(errors)));
    }

    /** A required query parameter left out: a field error naming it, as for a body's field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return widen(
                ProblemResponses.of(ApiProblem.invalidField(e.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return widen(
                    ProblemResponses.of(
                            ApiProblem.invalidField(
                                    unknown.getPropertyName(),
                                    "is not a field of this request; accepted fields are "
                                            + unknown.getKnownPropertyIds())));
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return widen(
                    ProblemResponses.of(
                            ApiProblem.invalidField(
                                    fieldPath(databind),
                                    "has the wrong type or format for this field")));
        }
        return widen(
                ProblemResponses.of(
                        ApiProblem.badRequest(
                                "unreadable-body",
                                "the request body must be a JSON object as the platform API's"
                                        + " description (/v3/api-docs) shows")));
    }

    private static String fieldPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * Spring MVC's own refusals (415, 406, a missing part, …) get a problem type of their own
     * instead of {@code about:blank}, as every other platform error has.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(
                    URI.create(ProblemResponses.TYPE_BASE + ProblemResponses.typeOf(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
