package org.ramsetu.platform.documents;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats accepted for documents, recognised by their first bytes (magic numbers), never
 * by the file name or the type the client claims: a renamed executable stays refused. The first
 * bytes only choose how the whole file is then read ({@link DocumentInspection}).
 */
public enum DocumentFormat {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    /** Enough leading bytes to tell every accepted format apart. */
    public static final int SNIFF_BYTES = 8;

    private final String contentType;
    private final String extension;
    private final byte[] magic;

    DocumentFormat(String contentType, String extension, byte[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    /** The extension of the file names the server gives downloads of this format. */
    public String extension() {
        return extension;
    }

    /** The signature every file of this format starts with. */
    byte[] magic() {
        return magic.clone();
    }

    /** The format whose signature starts {@code head}, if any. */
    public static Optional<DocumentFormat> sniff(byte[] head, int length) {
        return Arrays.stream(values())
                .filter(
                        f ->
                                length >= f.magic.length
                                        && Arrays.equals(
                                                Arrays.copyOf(head, f.magic.length), f.magic))
                .findFirst();
    }

    public static Optional<DocumentFormat> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst();
    }
}
