package org.ramsetu.infra.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An open blob: its metadata and a stream of its bytes. The stream checks length and SHA-256 as it
 * reaches the end and throws an {@link IOException} on a mismatch, so corruption never passes
 * silently. Close it (try-with-resources) to release the file or HTTP connection.
 */
public record BlobContent(StoredBlob blob, InputStream stream) implements AutoCloseable {

    /** Reads the whole blob into memory; for small blobs only (a size check is the caller's). */
    public byte[] readAllBytes() {
        try (InputStream in = stream) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading blob " + blob.key() + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing blob " + blob.key() + " failed", e);
        }
    }
}
