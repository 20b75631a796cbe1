package org.ramsetu.infra.scoring;

/** The organ in the call has no model (HTTP 404). */
public final class UnknownOrganException extends ScoringException {
    private final String organ;

    public UnknownOrganException(String organ) {
        super("no model for organ '" + organ + "' (expected kidney, liver, heart or cornea)");
        this.organ = organ;
    }

    public String organ() {
        return organ;
    }
}
