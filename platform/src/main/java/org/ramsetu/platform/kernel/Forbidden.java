package org.ramsetu.platform.kernel;

/** The caller is known, and the record may be known to them, but their role may not do this. */
public final class Forbidden extends DomainException {

    private static final long serialVersionUID = 1L;

    public Forbidden(String type, String detail) {
        super(type, detail);
    }
}
