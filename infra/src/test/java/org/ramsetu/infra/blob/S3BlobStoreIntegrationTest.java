package org.ramsetu.infra.blob;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.S3MockProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 adapter against a real S3-compatible server (S3Mock, one process per test JVM). */
class S3BlobStoreIntegrationTest extends BlobStoreContract {

    private static final AtomicInteger buckets = new AtomicInteger();
    private static S3Client client;

    @TempDir Path spool;
    private String bucket;

    @BeforeAll
    static void connect() throws IOException {
        RamsetuSettings.S3 settings =
                new RamsetuSettings.S3(
                        Optional.of(S3MockProcess.shared().endpoint()), "unused", "us-east-1");
        BlobStoreProperties.S3 properties =
                new BlobStoreProperties.S3(
                        java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(10), 8, null);
        client =
                S3Clients.create(
                        settings,
                        properties,
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test", "test")));
    }

    @Override
    BlobStore newStore(Clock clock) {
        // A bucket per test keeps tests apart without deleting anything.
        bucket = "contract-" + buckets.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket));
        return new S3BlobStore(client, bucket, spool, clock);
    }

    @AfterEach
    void noSpoolFileIsLeftBehind() throws IOException {
        try (var files = java.nio.file.Files.list(spool)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anObjectWrittenWithoutASha256IsReportedNotGuessed() {
        store();
        client.putObject(
                p -> p.bucket(bucket).key("foreign/file").checksumAlgorithm("CRC32"),
                RequestBody.fromString("written by another tool", UTF_8));

        assertThatThrownBy(() -> store().stat(BlobKey.of("foreign/file")))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("has no full-object SHA-256 checksum");
        assertThat(store().list("foreign/")).hasSize(1);
    }

    @Test
    void theSha256IsTheOneS3Recorded() {
        byte[] bytes = "pledge".getBytes(UTF_8);
        store().put(BlobKey.of("k"), bytes, "text/plain");

        String s3Checksum =
                client.headObject(h -> h.bucket(bucket).key("k").checksumMode("ENABLED"))
                        .checksumSHA256();

        assertThat(
                        java.util.HexFormat.of()
                                .formatHex(java.util.Base64.getDecoder().decode(s3Checksum)))
                .isEqualTo(sha256(bytes));
    }
}
