package org.ramsetu.infra.blob;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders of the local blob store, {@code rwx------}: other users of the host must not list or read
 * health documents. Temporary files are created owner-only by Java already, and blob files are
 * renamed from them, so folders are all that needs care. A folder that exists with wider rights (an
 * installation from before this rule) is narrowed.
 */
final class OwnerOnlyFolders {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFolders() {}

    static void create(Path folder) throws IOException {
        if (!POSIX) {
            Files.createDirectories(folder);
            return;
        }
        if (Files.isDirectory(folder)) {
            if (!Files.getPosixFilePermissions(folder).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
            }
            return;
        }
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
}
