package org.ramsetu.infra.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and SHA-256-hashes every byte read through it; subclasses decide what the count and digest
 * must satisfy, after each chunk and at the end. The one place that streams and hashes, for both
 * the put side ({@link MeasuringInputStream}) and the read side ({@link VerifyingInputStream}).
 */
abstract class HashingInputStream extends FilterInputStream {

    private final MessageDigest sha256 = newSha256();
    private long count;

    HashingInputStream(InputStream in) {
        super(in);
    }

    /** Called with the running count after each chunk read. */
    abstract void afterChunk(long count) throws IOException;

    /** Called when the underlying stream ends, possibly more than once. */
    abstract void atEnd(long count) throws IOException;

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n == -1) {
            atEnd(count);
            return -1;
        }
        sha256.update(b, off, n);
        count += n;
        afterChunk(count);
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
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
}
