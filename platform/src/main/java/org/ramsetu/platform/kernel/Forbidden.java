package org.ramsetu.platform.kernel;

import java.util.Map;

/** The caller is known, and the record may be known to them, but their role may not do this. */
public final class Forbidden extends DomainException {

    private static final long serialVersionUID = 1L;

    public Forbidden(String type, String detail) {
        super(type, detail);
    }

    /**
     * @param extensions facts the caller acts on, sent beside the type (see {@link #extensions()})
     */
    public Forbidden(String type, String detail, Map<String, String> extensions) {
        super(type, detail, extensions);
    }
}
