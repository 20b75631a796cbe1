package org.ramsetu.core;

/**
 * A clinical or domain value outside what the platform accepts. Carries the offending field so that
 * an API layer can answer 400 naming it, instead of a generic 500.
 */
public class InvalidClinicalValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidClinicalValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
