package org.ramsetu.platform.kernel;

/** A file the platform does not store, for its size or its kind. */
public final class UnacceptableContent extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why the content was refused; each reason has a type of its own. */
    public enum Reason {
        TOO_LARGE("too-large"),
        UNSUPPORTED_TYPE("unsupported-media-type"),
        /** Not what its first bytes claim, damaged, or carrying active content. */
        UNSAFE_CONTENT("unsafe-content");

        private final String type;

        Reason(String type) {
            this.type = type;
        }
    }

    private final Reason reason;

    public UnacceptableContent(Reason reason, String detail) {
        super(reason.type, detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
