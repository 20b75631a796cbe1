package org.ramsetu.app.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.ramsetu.infra.files.OwnerOnlyFiles;
import org.ramsetu.infra.settings.RamsetuSettings;

/**
 * The access-token signing secret of {@code all} on embedded defaults: generated once (256 random
 * bits) into {@code $RAMSETU_DATA_DIR/jwt-secret}, readable by the owner only, and reused on every
 * start so that sessions survive a restart. Never a built-in fallback value.
 */
final class DataFolderJwtSecret {

    static final String FILE_NAME = "jwt-secret";

    private DataFolderJwtSecret() {}

    static RamsetuSettings.Secret loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
            requireOwnerOnly(file);
            String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (secret.length() < RamsetuSettings.MIN_JWT_SECRET_LENGTH) {
                throw new IllegalStateException(
                        file
                                + " holds a secret shorter than "
                                + RamsetuSettings.MIN_JWT_SECRET_LENGTH
                                + " characters; delete it to generate a new one (everyone signs in"
                                + " again)");
            }
            return new RamsetuSettings.Secret(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        OwnerOnlyFiles.createAtomically(
                file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!OwnerOnlyFiles.isOwnerOnly(file)) {
            throw new IllegalStateException(
                    file
                            + " is readable by others ("
                            + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                            + "); run: chmod 600 "
                            + file);
        }
    }
}
