package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderJwtSecretTest {

    @TempDir Path dataDir;

    @Test
    void generatedOnceOwnerOnlyAndReused() throws Exception {
        String first = DataFolderJwtSecret.loadOrCreate(dataDir).value();
        String second = DataFolderJwtSecret.loadOrCreate(dataDir).value();

        assertThat(first).hasSizeGreaterThanOrEqualTo(43).isEqualTo(second);
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(dataDir.resolve("jwt-secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aSecretOthersCanReadIsRefusedWithTheFix() throws Exception {
        DataFolderJwtSecret.loadOrCreate(dataDir);
        Path file = dataDir.resolve("jwt-secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> DataFolderJwtSecret.loadOrCreate(dataDir))
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aTooShortSecretIsRefused() throws Exception {
        Path file = dataDir.resolve("jwt-secret");
        Files.writeString(file, "short");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> DataFolderJwtSecret.loadOrCreate(dataDir))
                .hasMessageContaining("shorter than 32");
    }
}
