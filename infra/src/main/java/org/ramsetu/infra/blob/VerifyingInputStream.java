package org.ramsetu.infra.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Streams a stored blob and, at its end, checks that the bytes read match the length and SHA-256
 * recorded at put; a mismatch (disk corruption, a truncated download, an object changed behind our
 * back) throws instead of handing wrong bytes on as if they were right.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final StoredBlob expected;
    private final MessageDigest sha256 = MeasuringInputStream.newSha256();
    private long count;
    private boolean verified;

    VerifyingInputStream(InputStream in, StoredBlob expected) {
        super(in);
        this.expected = expected;
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
            verifyOnce();
            return -1;
        }
        sha256.update(b, off, n);
        count += n;
        if (count > expected.length()) {
            throw corrupt("more than the recorded " + expected.length() + " bytes");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes still count towards the check, so read them.
        long skipped = 0;
        byte[] buffer = new byte[8192];
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r == -1) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verifyOnce() throws IOException {
        if (verified) {
            return;
        }
        verified = true;
        if (count != expected.length()) {
            throw corrupt(count + " bytes where " + expected.length() + " were recorded");
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(expected.sha256())) {
            throw corrupt("SHA-256 " + actual + " where " + expected.sha256() + " was recorded");
        }
    }

    private IOException corrupt(String detail) {
        return new IOException("blob " + expected.key() + " is corrupt: " + detail);
    }
}
