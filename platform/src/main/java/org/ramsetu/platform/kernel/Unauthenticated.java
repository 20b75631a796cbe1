package org.ramsetu.platform.kernel;

/** The caller could not be told apart from a stranger: wrong credentials, a dead session. */
public final class Unauthenticated extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final String TYPE = "unauthorized";

    public Unauthenticated(String detail) {
        super(TYPE, detail);
    }
}
