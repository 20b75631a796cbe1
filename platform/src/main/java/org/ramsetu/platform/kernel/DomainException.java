package org.ramsetu.platform.kernel;

import java.util.Map;

/**
 * A refusal of a use case, said in the domain's words: what was refused and why, with a stable
 * {@code type} a caller can act on. Use cases, job handlers and the CLI throw and catch these; only
 * the web edge turns them into HTTP answers ({@code ApiProblem.from}), so that the same rule holds
 * whether a person, a worker or an operator's command hit it. Sealed so that the edge's mapping
 * covers every kind.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInput,
                NotFound,
                Conflict,
                Forbidden,
                Unauthenticated,
                TooManyAttempts,
                Unavailable,
                UnacceptableContent {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final Map<String, String> extensions;

    DomainException(String type, String detail) {
        this(type, detail, Map.of());
    }

    DomainException(String type, String detail, Map<String, String> extensions) {
        super(detail);
        this.type = type;
        this.extensions = Map.copyOf(extensions);
    }

    /** The stable name of the refusal, e.g. {@code illegal-transition}. */
    public String type() {
        return type;
    }

    /**
     * Facts a caller acts on beside the type (problem-details extension members), e.g. the role of
     * an account whose e-mail awaits confirmation; empty for most refusals.
     */
    public Map<String, String> extensions() {
        return extensions;
    }
}
