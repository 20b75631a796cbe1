package org.ramsetu.infra.blob;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderBlobStoreTest extends BlobStoreContract {

    @TempDir Path root;

    @Override
    BlobStore newStore(Clock clock) {
        return new LocalFolderBlobStore(root, clock);
    }

    @Test
    void aFlippedByteOnDiskFailsTheReadInsteadOfPassingSilently() throws IOException {
        BlobKey key = BlobKey.of("documents/report.pdf");
        store().put(key, "the true report".getBytes(UTF_8), PDF);
        Path file = root.resolve("objects/documents/report.pdf" + LocalFolderBlobStore.SUFFIX);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(BlobFileFormat.SIZE + 4);
            raf.write('X');
        }

        try (BlobContent content = store().get(key).orElseThrow()) {
            assertThatThrownBy(content::readAllBytes)
                    .hasRootCauseMessage(
                            "blob documents/report.pdf is corrupt: SHA-256 "
                                    + BlobStoreContract.sha256("the Xrue report".getBytes(UTF_8))
                                    + " where "
                                    + BlobStoreContract.sha256("the true report".getBytes(UTF_8))
                                    + " was recorded");
        }
    }

    @Test
    void foldersAndFilesAreTheServiceUsersOnlyAndWiderFoldersAreNarrowed() throws IOException {
        Path objects = root.resolve("objects");
        store().put(BlobKey.of("documents/owner/one"), "scan".getBytes(UTF_8), PDF);

        Path file = objects.resolve("documents/owner/one" + LocalFolderBlobStore.SUFFIX);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        for (Path folder :
                List.of(
                        objects,
                        objects.resolve("documents"),
                        objects.resolve("documents/owner"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                    .as(folder.toString())
                    .isEqualTo("rwx------");
        }

        Files.setPosixFilePermissions(objects, PosixFilePermissions.fromString("rwxr-xr-x"));
        new LocalFolderBlobStore(root, Clock.systemUTC());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(objects)))
                .isEqualTo("rwx------");
    }

    @Test
    void aFailedPutLeavesNoTemporaryFileBehind() throws IOException {
        assertThatThrownBy(
                        () ->
                                store().put(
                                                BlobKey.of("a"),
                                                new java.io.ByteArrayInputStream(new byte[3]),
                                                4,
                                                PDF))
                .isInstanceOf(IllegalArgumentException.class);

        try (Stream<Path> incoming = Files.list(root.resolve("incoming"))) {
            assertThat(incoming).isEmpty();
        }
    }

    @Test
    void aKeyAndAFolderOfTheSameNameLiveSideBySide() {
        store().put(BlobKey.of("a"), "file".getBytes(UTF_8), "text/plain");
        store().put(BlobKey.of("a/b"), "nested".getBytes(UTF_8), "text/plain");

        assertThat(store().get(BlobKey.of("a")).orElseThrow().readAllBytes())
                .isEqualTo("file".getBytes(UTF_8));
        assertThat(store().get(BlobKey.of("a/b")).orElseThrow().readAllBytes())
                .isEqualTo("nested".getBytes(UTF_8));
    }
}
