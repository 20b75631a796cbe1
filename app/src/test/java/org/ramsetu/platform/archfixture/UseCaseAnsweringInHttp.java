package org.ramsetu.platform.archfixture;

import org.ramsetu.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A planted violation for {@code DomainErrorsArchitectureTest}: a use case that refuses in HTTP
 * terms and inspects a status, as use cases did before domain exceptions.
 */
public class UseCaseAnsweringInHttp {

    public void withdraw(String pledgeId) {
        throw ApiProblem.notFound("pledge", pledgeId);
    }

    public boolean isBusy(ApiProblem problem) {
        return problem.status() == HttpStatus.SERVICE_UNAVAILABLE;
    }
}
