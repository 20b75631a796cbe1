package org.ramsetu.infra.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) the bytes a put reads, so neither store needs the whole blob in
 * memory. With a declared length it also refuses a stream that ends early or runs on: the failure
 * surfaces inside the read, which aborts the write before anything is committed.
 */
final class MeasuringInputStream extends FilterInputStream {

    private final long declaredLength;
    private final MessageDigest sha256 = newSha256();
    private long count;
    private ContentLengthMismatchException mismatch;

    MeasuringInputStream(InputStream in, long declaredLength) {
        super(in);
        this.declaredLength = declaredLength;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n == -1) {
            if (declaredLength >= 0 && count < declaredLength) {
                throw mismatch(
                        "content ended after "
                                + count
                                + " of the declared "
                                + declaredLength
                                + " bytes");
            }
            return -1;
        }
        sha256.update(b, off, n);
        count += n;
        if (declaredLength >= 0) {
            if (count > declaredLength || (count == declaredLength && in.read() != -1)) {
                // Peeking one byte is enough: the write fails anyway, so the stream is done.
                throw mismatch("content is longer than the declared " + declaredLength + " bytes");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would leave bytes unhashed");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * The length mismatch this stream reported, if any: a client library (the AWS SDK) may wrap or
     * replace the exception a read threw, so callers ask here instead of unwrapping causes.
     */
    java.util.Optional<ContentLengthMismatchException> mismatch() {
        return java.util.Optional.ofNullable(mismatch);
    }

    private ContentLengthMismatchException mismatch(String message) {
        mismatch = new ContentLengthMismatchException(message);
        return mismatch;
    }

    long count() {
        return count;
    }

    /** The digest of everything read so far; call once, after the stream's end. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The content did not match its declared length; the caller's mistake, not the store's. */
    static final class ContentLengthMismatchException extends IOException {
        ContentLengthMismatchException(String message) {
            super(message);
        }
    }
}
