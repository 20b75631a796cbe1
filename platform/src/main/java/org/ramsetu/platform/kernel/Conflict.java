package org.ramsetu.platform.kernel;

/**
 * The action does not fit the record's current state: a refused transition, a duplicate, or a
 * change that lost a race. Trying again only helps after the state changed.
 */
public final class Conflict extends DomainException {

    private static final long serialVersionUID = 1L;

    public Conflict(String type, String detail) {
        super(type, detail);
    }
}
