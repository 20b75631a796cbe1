package org.ramsetu.infra.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Object storage for documents and model artifacts: a local folder or an S3-compatible bucket.
 * Content always streams (a put never holds the whole blob in memory) and every blob's length and
 * SHA-256 are recorded at put and checked again on every read.
 *
 * <p>A put replaces any blob under the same key as one atomic step: readers see the old blob or the
 * new one, never a part. A put whose stream fails or does not match its declared length leaves the
 * store as it was.
 */
public interface BlobStore {

    /** Pass as the length when the caller cannot know it (e.g. a chunked upload). */
    long UNKNOWN_LENGTH = -1;

    /**
     * Stores {@code content} (read to its end; the caller closes it) under {@code key}.
     *
     * @param length the exact byte count, or {@link #UNKNOWN_LENGTH}; a stream shorter or longer
     *     than a known length is refused with an {@link IllegalArgumentException}
     * @param contentType e.g. {@code application/pdf}; see {@link StoredBlob#checkContentType}
     * @throws BlobStoreException when the store fails
     */
    StoredBlob put(BlobKey key, InputStream content, long length, String contentType);

    /** Opens the blob for reading, or empty when there is none under {@code key}. */
    Optional<BlobContent> get(BlobKey key);

    /** The blob's metadata without its content, or empty when there is none. */
    Optional<StoredBlob> stat(BlobKey key);

    /**
     * Every blob whose key starts with {@code prefix} ("" for all), ordered by key. A prefix is a
     * plain string match, so {@code models/v1} also lists {@code models/v10/...}; end it with
     * {@code /} to list one folder.
     */
    List<BlobSummary> list(String prefix);

    /** Removes the blob; removing a blob that is not there is not an error. */
    void delete(BlobKey key);

    default StoredBlob put(BlobKey key, InputStream content, String contentType) {
        return put(key, content, UNKNOWN_LENGTH, contentType);
    }

    default StoredBlob put(BlobKey key, byte[] content, String contentType) {
        return put(key, new ByteArrayInputStream(content), content.length, contentType);
    }

    default StoredBlob put(BlobKey key, Path file, String contentType) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(key, in, Files.size(file), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to store it as " + key, e);
        }
    }
}
