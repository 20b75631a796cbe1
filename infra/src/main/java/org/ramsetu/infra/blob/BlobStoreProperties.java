package org.ramsetu.infra.blob;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the blob store ({@code ramsetu.blob.*}). Which store is used is not a property: the S3
 * store when {@code RAMSETU_S3_BUCKET} is set, otherwise the folder {@code
 * $RAMSETU_DATA_DIR/blobs}.
 *
 * @param s3 client settings for the S3-compatible store
 * @param spoolDirectory where a put of unknown length is staged before it goes to S3 (S3 needs the
 *     length up front); the system temporary folder when unset
 */
@ConfigurationProperties("ramsetu.blob")
public record BlobStoreProperties(@DefaultValue S3 s3, Path spoolDirectory) {

    /**
     * @param connectTimeout how long to wait for a TCP connection to the S3 endpoint
     * @param socketTimeout how long a read or write may stall before the call fails (large blobs
     *     are fine: this bounds silence, not the whole transfer)
     * @param maxConnections HTTP connection pool size, shared by all calls of one process
     * @param pathStyle {@code true} for {@code endpoint/bucket/key} URLs (MinIO, Ceph, S3Mock),
     *     {@code false} for virtual-hosted {@code bucket.endpoint/key}; unset means path-style
     *     exactly when {@code RAMSETU_S3_ENDPOINT} is set
     */
    public record S3(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration socketTimeout,
            @DefaultValue("50") int maxConnections,
            Boolean pathStyle) {}

    public Path spoolDirectoryOrDefault() {
        return spoolDirectory != null
                ? spoolDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "ramsetu-blob-spool");
    }
}
