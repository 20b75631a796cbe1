package org.ramsetu.infra.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Counts and hashes (SHA-256) the bytes a put reads, so neither store needs the whole blob in
 * memory. With a declared length it also refuses a stream that ends early or runs on: the failure
 * surfaces inside the read, which aborts the write before anything is committed.
 */
final class MeasuringInputStream extends HashingInputStream {

    private final long declaredLength;
    private ContentLengthMismatchException mismatch;

    MeasuringInputStream(InputStream in, long declaredLength) {
        super(in);
        this.declaredLength = declaredLength;
    }

    @Override
    void afterChunk(long count) throws IOException {
        if (declaredLength >= 0
                && (count > declaredLength || (count == declaredLength && in.read() != -1))) {
            // Peeking one byte is enough: the write fails anyway, so the stream is done.
            throw mismatch("content is longer than the declared " + declaredLength + " bytes");
        }
    }

    @Override
    void atEnd(long count) throws IOException {
        if (declaredLength >= 0 && count < declaredLength) {
            throw mismatch(
                    "content ended after "
                            + count
                            + " of the declared "
                            + declaredLength
                            + " bytes");
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would leave bytes unhashed");
    }

    /**
     * The length mismatch this stream reported, if any: a client library (the AWS SDK) may wrap or
     * replace the exception a read threw, so callers ask here instead of unwrapping causes.
     */
    Optional<ContentLengthMismatchException> mismatch() {
        return Optional.ofNullable(mismatch);
    }

    private ContentLengthMismatchException mismatch(String message) {
        mismatch = new ContentLengthMismatchException(message);
        return mismatch;
    }

    /** The content did not match its declared length; the caller's mistake, not the store's. */
    static final class ContentLengthMismatchException extends IOException {
        ContentLengthMismatchException(String message) {
            super(message);
        }
    }
}
