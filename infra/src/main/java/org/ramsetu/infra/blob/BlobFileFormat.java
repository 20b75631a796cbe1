package org.ramsetu.infra.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The file of one blob in {@link LocalFolderBlobStore}: a fixed-size text header, then the bytes.
 * Keeping metadata and content in one file makes a put one atomic rename; the fixed size lets the
 * header be written after the content has streamed through (when length and SHA-256 are known).
 */
final class BlobFileFormat {

    static final int SIZE = 512;
    private static final String MAGIC = "RAMSETU-BLOB 1";

    private BlobFileFormat() {}

    /**
     * Streams {@code content} into {@code file} after room for the header, then writes the header
     * (now that length and SHA-256 are known) and fsyncs, so the file is complete before its
     * rename.
     */
    static StoredBlob write(
            Path file,
            BlobKey key,
            InputStream content,
            long length,
            String contentType,
            Clock clock)
            throws IOException {
        MeasuringInputStream measured = new MeasuringInputStream(content, length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.position(SIZE);
            measured.transferTo(Channels.newOutputStream(channel));
            StoredBlob blob =
                    new StoredBlob(
                            key,
                            measured.count(),
                            measured.sha256Hex(),
                            contentType,
                            clock.instant());
            ByteBuffer header = encode(blob);
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
            channel.force(true);
            return blob;
        }
    }

    static ByteBuffer encode(StoredBlob blob) {
        String text =
                MAGIC
                        + "\nlength="
                        + blob.length()
                        + "\nsha256="
                        + blob.sha256()
                        + "\ncontent-type="
                        + blob.contentType()
                        + "\nstored-at="
                        + blob.storedAt()
                        + "\n";
        byte[] bytes = new byte[SIZE];
        byte[] used = text.getBytes(StandardCharsets.US_ASCII);
        // Content types are capped at 200 characters, so the text always fits.
        System.arraycopy(used, 0, bytes, 0, used.length);
        java.util.Arrays.fill(bytes, used.length, SIZE, (byte) '\n');
        return ByteBuffer.wrap(bytes);
    }

    static StoredBlob decode(BlobKey key, byte[] header) throws IOException {
        String[] lines = new String(header, StandardCharsets.US_ASCII).split("\n");
        if (header.length != SIZE || lines.length == 0 || !lines[0].equals(MAGIC)) {
            throw new IOException("blob " + key + " has no valid header (not written by RamSetu?)");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            return new StoredBlob(
                    key,
                    Long.parseLong(fields.get("length")),
                    fields.get("sha256"),
                    fields.get("content-type"),
                    Instant.parse(fields.get("stored-at")));
        } catch (RuntimeException e) {
            throw new IOException("blob " + key + " has a damaged header: " + e.getMessage(), e);
        }
    }
}
