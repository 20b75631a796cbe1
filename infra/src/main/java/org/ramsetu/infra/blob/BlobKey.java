package org.ramsetu.infra.blob;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a blob lives in a store: segments of letters, digits, {@code .}, {@code _} or {@code -}
 * joined by {@code /}, e.g. {@code models/kidney/v3/model.json}. The same key is a safe relative
 * path on disk and a plain S3 object key, so no key can escape the store's folder ({@code ..},
 * absolute paths and back-slashes are refused).
 */
public record BlobKey(String value) implements Comparable<BlobKey> {

    /** S3's limit is 1,024 bytes; keys are ASCII, so characters and bytes agree. */
    public static final int MAX_LENGTH = 1024;

    /** Leaves room under the 255-byte file-name limit of common file systems. */
    static final int MAX_SEGMENT_LENGTH = 200;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    public BlobKey {
        Optional<String> problem = problemWith(value, false);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    public static BlobKey of(String value) {
        return new BlobKey(value);
    }

    /**
     * The key of {@code name} inside this key taken as a folder: {@code models} → {@code models/x}.
     */
    public BlobKey resolve(String name) {
        return new BlobKey(value + "/" + name);
    }

    /**
     * Checks a listing prefix: empty, or the start of a key (its last segment may be partial, as in
     * {@code models/v}); a prefix ending in {@code /} names a folder.
     */
    static String checkPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("blob prefix must not be null; use \"\" for all");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        String whole = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        Optional<String> problem = problemWith(whole, true);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().replace("blob key", "blob prefix"));
        }
        return prefix;
    }

    /** Whether {@code value} would make a valid key (for filtering names not written by us). */
    public static boolean isValid(String value) {
        return problemWith(value, false).isEmpty();
    }

    @Override
    public int compareTo(BlobKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static Optional<String> problemWith(String value, boolean partial) {
        if (value == null || value.isEmpty()) {
            return Optional.of("blob key must not be empty");
        }
        String quoted = "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
        if (value.length() > MAX_LENGTH) {
            return Optional.of("blob key must be at most " + MAX_LENGTH + " characters: " + quoted);
        }
        if (value.startsWith("/") || value.contains("\\")) {
            return Optional.of("blob key must be relative and use '/' between segments: " + quoted);
        }
        String[] segments = value.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.isEmpty()) {
                return Optional.of(
                        "blob key has an empty segment ('//' or a trailing '/'): " + quoted);
            }
            if ((s.equals(".") || s.equals("..")) && !(partial && last)) {
                return Optional.of("blob key must not contain '.' or '..' segments: " + quoted);
            }
            if (!SEGMENT.matcher(s).matches()) {
                return Optional.of(
                        "blob key segments may hold only letters, digits, '.', '_' and '-': "
                                + quoted);
            }
            if (s.length() > MAX_SEGMENT_LENGTH) {
                return Optional.of(
                        "blob key segments must be at most "
                                + MAX_SEGMENT_LENGTH
                                + " characters: "
                                + quoted);
            }
        }
        return Optional.empty();
    }
}
