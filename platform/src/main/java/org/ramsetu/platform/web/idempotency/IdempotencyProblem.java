package org.ramsetu.platform.web.idempotency;

import java.time.Duration;
import java.util.Map;
import org.ramsetu.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** 422: an {@code Idempotency-Key} that already stands for a different request. */
final class IdempotencyProblem extends ApiProblem {

    private static final long serialVersionUID = 1L;

    private IdempotencyProblem(String detail) {
        super(
                HttpStatus.valueOf(422),
                "idempotency-key-reused",
                "Idempotency key reused",
                detail,
                Map.of(),
                Duration.ZERO);
    }

    static IdempotencyProblem reused(Duration lifetime) {
        return new IdempotencyProblem(
                "this Idempotency-Key was used for a different request (another endpoint or"
                        + " body) within the last "
                        + lifetime.toHours()
                        + " hours; send a new key with each new request, and repeat a key only"
                        + " to retry the very same request");
    }
}
