package org.ramsetu.app.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
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
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(
                tmp,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                tmp,
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException anotherProcessWon) {
            Files.deleteIfExists(tmp);
        }
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
            throw new IllegalStateException(
                    file
                            + " is readable by others ("
                            + PosixFilePermissions.toString(permissions)
                            + "); run: chmod 600 "
                            + file);
        }
    }
}
