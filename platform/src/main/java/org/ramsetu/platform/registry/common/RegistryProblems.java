package org.ramsetu.platform.registry.common;

import java.time.Duration;
import java.util.Map;
import org.ramsetu.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Refusals of the registry that {@link ApiProblem}'s factories do not word as needed. */
public final class RegistryProblems extends ApiProblem {

    private static final long serialVersionUID = 1L;

    private RegistryProblems(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail, Map.of(), Duration.ZERO);
    }

    /** 404 for the caller's own record that does not exist yet, saying how to create it. */
    public static ApiProblem notCreatedYet(String detail) {
        return new RegistryProblems(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    /** 409 naming the state that does not allow the action. */
    public static ApiProblem illegalTransition(TransitionRefused refused) {
        return ApiProblem.conflict("illegal-transition", refused.getMessage());
    }
}
