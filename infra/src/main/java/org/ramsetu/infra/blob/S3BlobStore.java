package org.ramsetu.infra.blob;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Blobs as objects in an S3-compatible bucket. The SHA-256 is S3's own full-object checksum ({@code
 * x-amz-checksum-sha256}): the SDK computes it while streaming, S3 verifies and keeps it, and we
 * compare it with our own hash of the bytes we read. A put of known length streams straight to S3;
 * of unknown length it is spooled to a temporary file first (a single S3 put needs the length
 * before the body, and a multipart upload has no full-object SHA-256). See ADR 0005.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final SpoolDirectory spoolDirectory;
    private final Clock clock;

    public S3BlobStore(S3Client s3, String bucket, Path spoolDirectory, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.spoolDirectory = new SpoolDirectory(spoolDirectory);
        this.clock = clock;
    }

    @Override
    public StoredBlob put(BlobKey key, InputStream content, long length, String contentType) {
        String type = StoredBlob.checkContentType(contentType);
        if (length < UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("blob length must be >= 0 or UNKNOWN_LENGTH");
        }
        Instant storedAt = clock.instant();
        MeasuringInputStream measured = new MeasuringInputStream(content, length);
        Path spool = null;
        try {
            RequestBody body;
            if (length == UNKNOWN_LENGTH) {
                spool = spoolDirectory.copy(key, measured);
                body = RequestBody.fromFile(spool);
            } else {
                body = RequestBody.fromInputStream(measured, length);
            }
            PutObjectResponse response =
                    s3.putObject(
                            p ->
                                    p.bucket(bucket)
                                            .key(key.value())
                                            .contentType(type)
                                            .metadata(S3ObjectMetadata.of(storedAt))
                                            .checksumAlgorithm(ChecksumAlgorithm.SHA256),
                            body);
            String sha256 = measured.sha256Hex();
            S3ObjectMetadata.requireSameChecksum(key, sha256, response.checksumSHA256());
            return new StoredBlob(key, measured.count(), sha256, type, storedAt);
        } catch (RuntimeException e) {
            // The SDK wraps (or, retrying, replaces) what our stream threw, so ask the stream.
            if (measured.mismatch().isPresent()) {
                throw new IllegalArgumentException(
                        "blob " + key + ": " + measured.mismatch().get().getMessage(), e);
            }
            throw e instanceof SdkException sdk ? failure("storing", key, sdk) : e;
        } finally {
            SpoolDirectory.deleteQuietly(spool);
        }
    }

    @Override
    public Optional<BlobContent> get(BlobKey key) {
        return unlessMissing(
                key,
                () -> {
                    ResponseInputStream<GetObjectResponse> in =
                            s3.getObject(
                                    g ->
                                            g.bucket(bucket)
                                                    .key(key.value())
                                                    .checksumMode(ChecksumMode.ENABLED));
                    GetObjectResponse r = in.response();
                    try {
                        StoredBlob blob =
                                S3ObjectMetadata.toBlob(
                                        bucket,
                                        key,
                                        r.contentLength(),
                                        r.checksumSHA256(),
                                        r.contentType(),
                                        r.metadata(),
                                        r.lastModified());
                        return new BlobContent(blob, new VerifyingInputStream(in, blob));
                    } catch (RuntimeException e) {
                        in.abort();
                        throw e;
                    }
                });
    }

    @Override
    public Optional<StoredBlob> stat(BlobKey key) {
        return unlessMissing(
                key,
                () -> {
                    HeadObjectResponse r =
                            s3.headObject(
                                    h ->
                                            h.bucket(bucket)
                                                    .key(key.value())
                                                    .checksumMode(ChecksumMode.ENABLED));
                    return S3ObjectMetadata.toBlob(
                            bucket,
                            key,
                            r.contentLength(),
                            r.checksumSHA256(),
                            r.contentType(),
                            r.metadata(),
                            r.lastModified());
                });
    }

    /**
     * What {@code read} finds of {@code key}: empty when the bucket has no such object, since a
     * missing blob is an answer and not a failure; any other S3 failure names the key.
     */
    private <T> Optional<T> unlessMissing(BlobKey key, Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("reading", key, e);
        }
    }

    @Override
    public List<BlobSummary> list(String prefix) {
        BlobKey.checkPrefix(prefix);
        try {
            return s3
                    .listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix))
                    .contents()
                    .stream()
                    // Objects another tool wrote under names outside our key rules are not blobs.
                    .filter(o -> BlobKey.isValid(o.key()))
                    .map(o -> new BlobSummary(BlobKey.of(o.key()), o.size()))
                    .sorted(Comparator.comparing(BlobSummary::key))
                    .toList();
        } catch (SdkException e) {
            throw new BlobStoreException(
                    "listing '"
                            + prefix
                            + "' in S3 bucket "
                            + bucket
                            + " failed: "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public void delete(BlobKey key) {
        try {
            s3.deleteObject(d -> d.bucket(bucket).key(key.value()));
        } catch (SdkException e) {
            throw failure("deleting", key, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private BlobStoreException failure(String doing, BlobKey key, SdkException e) {
        return new BlobStoreException(
                doing + " blob " + key + " in S3 bucket " + bucket + " failed: " + e.getMessage(),
                e);
    }
}
