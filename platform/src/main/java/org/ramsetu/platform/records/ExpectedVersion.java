package org.ramsetu.platform.records;

import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The version a caller last read, from an {@code If-Match} header (the ETag of a GET) or a {@code
 * version} field in the body; absent when the caller sent neither (or {@code If-Match: *}).
 */
public record ExpectedVersion(Long value) {

    private static final ExpectedVersion ANY = new ExpectedVersion(null);

    public static ExpectedVersion any() {
        return ANY;
    }

    /**
     * @throws DomainException InvalidInput when {@code If-Match} is not one of our ETags, or
     *     disagrees with the version in the body
     */
    public static ExpectedVersion of(String ifMatch, Long bodyVersion) {
        Long header = ifMatch == null || ifMatch.isBlank() ? null : ETags.parse(ifMatch);
        if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
            throw InvalidInput.field(
                    "version",
                    "is "
                            + bodyVersion
                            + " but If-Match names version "
                            + header
                            + "; send one of them, or the same version in both");
        }
        if (bodyVersion != null && bodyVersion < 0) {
            throw InvalidInput.field("version", "must be the version of a GET response");
        }
        return new ExpectedVersion(header != null ? header : bodyVersion);
    }

    public boolean given() {
        return value != null;
    }

    /**
     * @throws OptimisticLockingFailureException when the caller read an older (or other) version
     */
    public void check(long current) {
        if (value != null && value != current) {
            throw stale();
        }
    }

    /** Answered as 409 "changed by someone else" by the API's exception handler. */
    public static OptimisticLockingFailureException stale() {
        return new OptimisticLockingFailureException("the record changed since it was read");
    }
}
