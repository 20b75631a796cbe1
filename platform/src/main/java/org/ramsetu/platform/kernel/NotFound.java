package org.ramsetu.platform.kernel;

/**
 * No such record, or one the caller may not know of: someone else's record is refused exactly like
 * a missing one, so that its existence is not disclosed.
 */
public final class NotFound extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final String TYPE = "not-found";

    public NotFound(String what, Object id) {
        this("no " + what + " with id " + id);
    }

    private NotFound(String detail) {
        super(TYPE, detail);
    }

    /** The caller's own record that does not exist yet; the detail says how to create it. */
    public static NotFound notCreatedYet(String detail) {
        return new NotFound(detail);
    }
}
