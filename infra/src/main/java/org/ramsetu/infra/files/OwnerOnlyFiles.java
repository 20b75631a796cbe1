package org.ramsetu.infra.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets (generated passwords, signing keys): created readable by their owner only
 * from the first byte (never chmod-ed after writing), and appearing whole or not at all.
 */
public final class OwnerOnlyFiles {

    private static final String OWNER_ONLY = "rw-------";

    private OwnerOnlyFiles() {}

    /**
     * Writes {@code content} beside {@code file} and moves it into place atomically.
     *
     * @return false when {@code file} appeared meanwhile (another process won); it is left as is
     */
    public static boolean createAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        create(tmp, content);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException anotherProcessWon) {
            Files.deleteIfExists(tmp);
            return false;
        }
    }

    /** Creates {@code file} (which must not exist) owner-only, then writes {@code content}. */
    public static void create(Path file, String content) throws IOException {
        Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** True when no one but the owner may read, write or run the file. */
    public static boolean isOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.stream().allMatch(p -> p.name().startsWith("OWNER_"));
    }
}
