package org.ramsetu.infra.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a put of unknown length waits on disk (not in memory) until its length is known. Each file
 * is deleted right after its upload; a crash can leave one behind, harmless since names never
 * repeat.
 */
final class SpoolDirectory {

    private final Path folder;

    SpoolDirectory(Path folder) {
        this.folder = folder;
    }

    Path copy(BlobKey key, InputStream content) {
        try {
            Files.createDirectories(folder);
            Path spool = Files.createTempFile(folder, "s3-put-", ".tmp");
            try {
                Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(spool);
                throw e;
            }
            return spool;
        } catch (IOException e) {
            throw new BlobStoreException(
                    "spooling blob " + key + " to " + folder + " failed: " + e, e);
        }
    }

    static void deleteQuietly(Path spool) {
        if (spool != null) {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException ignored) {
                // A leftover spool file is harmless; its name is never reused.
            }
        }
    }
}
