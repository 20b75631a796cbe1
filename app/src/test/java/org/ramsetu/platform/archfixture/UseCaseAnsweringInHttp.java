package org.ramsetu.platform.archfixture;

import java.util.UUID;
import org.ramsetu.platform.web.ApiProblem;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.http.HttpStatus;

/**
 * A planted violation for {@code DomainErrorsArchitectureTest}: a use case that refuses in HTTP
 * terms and inspects a status, as use cases did before domain exceptions, and replays answers
 * through the web edge's idempotency keys.
 */
public class UseCaseAnsweringInHttp {

    private final IdempotentRequests idempotent;

    public UseCaseAnsweringInHttp(IdempotentRequests idempotent) {
        this.idempotent = idempotent;
    }

    public boolean answeredBefore(UUID caller, String key) {
        return idempotent.replay(caller, key, "POST /withdrawals", key).isPresent();
    }

    public void withdraw(String pledgeId) {
        throw ApiProblem.notFound("pledge", pledgeId);
    }

    public boolean isBusy(ApiProblem problem) {
        return problem.status() == HttpStatus.SERVICE_UNAVAILABLE;
    }
}
