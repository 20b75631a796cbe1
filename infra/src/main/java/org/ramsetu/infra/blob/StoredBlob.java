package org.ramsetu.infra.blob;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a store recorded about a blob: its size, the SHA-256 of its bytes (lower-case hex), the
 * content type given at put, and when it was stored (millisecond precision, as both stores keep).
 */
public record StoredBlob(
        BlobKey key, long length, String sha256, String contentType, Instant storedAt) {

    public static final String OCTET_STREAM = "application/octet-stream";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** type/subtype with optional parameters; printable ASCII only, so never a header injection. */
    private static final Pattern CONTENT_TYPE =
            Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(;[ -~]*)?");

    private static final Pattern BLANKS_AROUND_SEPARATORS = Pattern.compile("\\s*([;=])\\s*");

    static final int MAX_CONTENT_TYPE_LENGTH = 200;

    public StoredBlob {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(storedAt, "storedAt");
        if (length < 0) {
            throw new IllegalArgumentException("blob length must not be negative: " + length);
        }
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException(
                    "sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
        contentType = checkContentType(contentType);
        storedAt = storedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Rejects a content type that is not {@code type/subtype[; parameters]} in printable ASCII and
     * returns it in the one spelling every store keeps: no blanks around {@code ;} and {@code =}
     * (some S3-compatible servers drop them, which would make the same blob read back differently).
     */
    public static String checkContentType(String contentType) {
        if (contentType != null) {
            contentType = BLANKS_AROUND_SEPARATORS.matcher(contentType.strip()).replaceAll("$1");
        }
        if (contentType == null
                || contentType.length() > MAX_CONTENT_TYPE_LENGTH
                || !CONTENT_TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException(
                    "content type must look like 'application/pdf' (printable ASCII, at most "
                            + MAX_CONTENT_TYPE_LENGTH
                            + " characters), got '"
                            + contentType
                            + "'");
        }
        return contentType;
    }
}
