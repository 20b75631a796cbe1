package org.ramsetu.infra.blob;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams a stored blob and, at its end, checks that the bytes read match the length and SHA-256
 * recorded at put; a mismatch (disk corruption, a truncated download, an object changed behind our
 * back) throws instead of handing wrong bytes on as if they were right.
 */
final class VerifyingInputStream extends HashingInputStream {

    private final StoredBlob expected;
    private boolean verified;

    VerifyingInputStream(InputStream in, StoredBlob expected) {
        super(in);
        this.expected = expected;
    }

    @Override
    void afterChunk(long count) throws IOException {
        if (count > expected.length()) {
            throw corrupt("more than the recorded " + expected.length() + " bytes");
        }
    }

    @Override
    void atEnd(long count) throws IOException {
        if (verified) {
            return;
        }
        verified = true;
        if (count != expected.length()) {
            throw corrupt(count + " bytes where " + expected.length() + " were recorded");
        }
        String actual = sha256Hex();
        if (!actual.equals(expected.sha256())) {
            throw corrupt("SHA-256 " + actual + " where " + expected.sha256() + " was recorded");
        }
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

    private IOException corrupt(String detail) {
        return new IOException("blob " + expected.key() + " is corrupt: " + detail);
    }
}
