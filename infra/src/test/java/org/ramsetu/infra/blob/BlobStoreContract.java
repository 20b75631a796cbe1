package org.ramsetu.infra.blob;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} adapter promises. Each adapter's test extends this class and gives a
 * fresh, empty store per test from {@link #newStore(Clock)}.
 */
abstract class BlobStoreContract {

    static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123Z");
    static final String PDF = "application/pdf";

    private BlobStore store;

    /** A new, empty store backed by the adapter's real storage. */
    abstract BlobStore newStore(Clock clock);

    BlobStore store() {
        if (store == null) {
            store = newStore(Clock.fixed(NOW, ZoneOffset.UTC));
        }
        return store;
    }

    @Test
    void aBlobPutWithItsLengthReadsBackWithLengthHashTypeAndTime() {
        byte[] bytes = "donor consent form".getBytes(UTF_8);
        BlobKey key = BlobKey.of("documents/donor-17/consent.pdf");

        StoredBlob put = store().put(key, new ByteArrayInputStream(bytes), bytes.length, PDF);

        StoredBlob expected = new StoredBlob(key, bytes.length, sha256(bytes), PDF, NOW);
        assertThat(put).isEqualTo(expected);
        try (BlobContent content = store().get(key).orElseThrow()) {
            assertThat(content.blob()).isEqualTo(expected);
            assertThat(content.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store().stat(key)).contains(expected);
    }

    @Test
    void aBlobOfUnknownLengthIsMeasuredWhileItStreams() {
        byte[] bytes = randomBytes(300_000);
        BlobKey key = BlobKey.of("models/kidney/v1/model.json");

        StoredBlob put = store().put(key, new ByteArrayInputStream(bytes), "application/json");

        assertThat(put.length()).isEqualTo(bytes.length);
        assertThat(put.sha256()).isEqualTo(sha256(bytes));
        assertThat(store().get(key).orElseThrow().readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void aBlobLargerThanAnyBufferStreamsThroughBothPaths() throws IOException {
        long size = 12L * 1024 * 1024 + 7;
        BlobKey known = BlobKey.of("big/known");
        BlobKey unknown = BlobKey.of("big/unknown");

        StoredBlob a = store().put(known, new PatternStream(size), size, StoredBlob.OCTET_STREAM);
        StoredBlob b = store().put(unknown, new PatternStream(size), StoredBlob.OCTET_STREAM);

        String expected = sha256(new PatternStream(size));
        assertThat(a.sha256()).isEqualTo(expected);
        assertThat(b.sha256()).isEqualTo(expected);
        assertThat(b.length()).isEqualTo(size);
        try (BlobContent content = store().get(unknown).orElseThrow()) {
            assertThat(sha256(content.stream())).isEqualTo(expected);
        }
    }

    @Test
    void anEmptyBlobIsABlob() {
        BlobKey key = BlobKey.of("empty.txt");
        store().put(key, new byte[0], "text/plain");

        assertThat(store().stat(key).orElseThrow().length()).isZero();
        assertThat(store().get(key).orElseThrow().readAllBytes()).isEmpty();
    }

    @Test
    void aMissingBlobIsEmptyNotAnError() {
        BlobKey key = BlobKey.of("nothing/here");
        assertThat(store().get(key)).isEmpty();
        assertThat(store().stat(key)).isEmpty();
        store().delete(key);
    }

    @Test
    void aPutReplacesTheBlobUnderTheSameKey() {
        BlobKey key = BlobKey.of("reports/latest.csv");
        store().put(key, "old".getBytes(UTF_8), "text/csv");
        StoredBlob put = store().put(key, "newer".getBytes(UTF_8), "text/csv; charset=utf-8");

        StoredBlob now = store().stat(key).orElseThrow();
        assertThat(now.length()).isEqualTo(5);
        // One spelling of the content type in every store, whatever blanks the caller used.
        assertThat(now.contentType()).isEqualTo("text/csv;charset=utf-8");
        assertThat(put).isEqualTo(now);
        assertThat(store().get(key).orElseThrow().readAllBytes())
                .isEqualTo("newer".getBytes(UTF_8));
    }

    @Test
    void aStreamShorterOrLongerThanDeclaredIsRefusedAndTheOldBlobStays() {
        BlobKey key = BlobKey.of("documents/scan.pdf");
        store().put(key, "original".getBytes(UTF_8), PDF);

        assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(new byte[10]), 11, PDF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ended after 10 of the declared 11 bytes");
        assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(new byte[12]), 11, PDF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than the declared 11 bytes");

        assertThat(store().get(key).orElseThrow().readAllBytes())
                .isEqualTo("original".getBytes(UTF_8));
    }

    @Test
    void aStreamThatFailsMidwayStoresNothing() {
        BlobKey key = BlobKey.of("documents/broken-upload.pdf");
        InputStream failing =
                new InputStream() {
                    int served;

                    @Override
                    public int read() throws IOException {
                        if (served++ < 1000) {
                            return 'x';
                        }
                        throw new IOException("client went away");
                    }
                };

        assertThatThrownBy(() -> store().put(key, failing, 5000, PDF))
                .isInstanceOf(RuntimeException.class);
        assertThat(store().stat(key)).isEmpty();
        assertThat(store().list("")).isEmpty();
    }

    @Test
    void listingByPrefixMatchesKeyStartsInKeyOrder() {
        for (String k :
                new String[] {
                    "models/v10/m", "models/v1/m", "models/v1/meta", "models", "other/x"
                }) {
            store().put(BlobKey.of(k), k.getBytes(UTF_8), "text/plain");
        }

        assertThat(store().list("models/v1/").stream().map(s -> s.key().value()))
                .containsExactly("models/v1/m", "models/v1/meta");
        assertThat(store().list("models/v1").stream().map(s -> s.key().value()))
                .containsExactly("models/v1/m", "models/v1/meta", "models/v10/m");
        assertThat(store().list("").stream().map(s -> s.key().value()))
                .containsExactly(
                        "models", "models/v1/m", "models/v1/meta", "models/v10/m", "other/x");
        assertThat(store().list("other/"))
                .containsExactly(new BlobSummary(BlobKey.of("other/x"), 7));
        assertThat(store().list("none/")).isEmpty();
    }

    @Test
    void aDeletedBlobIsGone() {
        BlobKey key = BlobKey.of("tmp/a");
        store().put(key, new byte[] {1, 2, 3}, StoredBlob.OCTET_STREAM);

        store().delete(key);

        assertThat(store().get(key)).isEmpty();
        assertThat(store().list("tmp/")).isEmpty();
    }

    @Test
    void badContentTypesAndPrefixesAreRefusedWithAReason() {
        BlobKey key = BlobKey.of("x");
        assertThatThrownBy(() -> store().put(key, new byte[1], "text/plain\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("content type must look like");
        assertThatThrownBy(() -> store().list("../etc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..'");
        assertThat(store().stat(key)).isEmpty();
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(HashingInputStream.newSha256().digest(bytes));
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest = HashingInputStream.newSha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) != -1; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    /** A long, non-repeating-per-block stream generated on the fly, so the test holds no copy. */
    static final class PatternStream extends InputStream {
        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (int) ((position++ * 31 + (position >> 13)) & 0xff) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
