package org.ramsetu.infra.blob;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Maps what S3 keeps about an object (headers, checksum, user metadata) to a {@link StoredBlob}.
 */
final class S3ObjectMetadata {

    /**
     * User metadata ({@code x-amz-meta-ramsetu-stored-at}): our clock's time, to the millisecond.
     */
    static final String STORED_AT = "ramsetu-stored-at";

    private S3ObjectMetadata() {}

    static Map<String, String> of(Instant storedAt) {
        return Map.of(STORED_AT, storedAt.toString());
    }

    /**
     * @param checksum S3's base64 SHA-256; a multipart upload has a checksum of part checksums
     *     ({@code ...-N}) instead, which is not the blob's hash, so it is refused like a missing
     *     one
     */
    static StoredBlob toBlob(
            String bucket,
            BlobKey key,
            Long length,
            String checksum,
            String contentType,
            Map<String, String> metadata,
            Instant lastModified) {
        if (checksum == null || checksum.contains("-")) {
            throw new BlobStoreException(
                    "S3 object "
                            + key
                            + " in bucket "
                            + bucket
                            + " has no full-object SHA-256 checksum; store it through RamSetu,"
                            + " or upload it in one part with --checksum-algorithm SHA256");
        }
        String storedAt = metadata.get(STORED_AT);
        return new StoredBlob(
                key,
                length,
                HexFormat.of().formatHex(Base64.getDecoder().decode(checksum)),
                contentType == null ? StoredBlob.OCTET_STREAM : contentType,
                storedAt == null ? lastModified : Instant.parse(storedAt));
    }

    /** S3 hashed the bytes it received; they must be the bytes we read and hashed ourselves. */
    static void requireSameChecksum(BlobKey key, String sha256Hex, String s3Checksum) {
        if (s3Checksum != null && !s3Checksum.equals(base64(sha256Hex))) {
            throw new BlobStoreException(
                    "S3 recorded a different SHA-256 for "
                            + key
                            + " than the bytes sent; put it again");
        }
    }

    static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
