package org.ramsetu.scoring.batch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file that appears complete or not at all: written under a hidden temporary name in the
 * target's folder (same file system, so the final move is a rename), then moved into place.
 */
public final class AtomicOutput {

    private AtomicOutput() {}

    /**
     * A new empty temporary file beside {@code target}, with the permissions any new file gets
     * (unlike {@link Files#createTempFile}, which makes it private to the owner).
     */
    public static Path temporaryBeside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        String name =
                "."
                        + absolute.getFileName()
                        + "."
                        + ProcessHandle.current().pid()
                        + "-"
                        + System.nanoTime()
                        + ".part";
        return Files.createFile(absolute.resolveSibling(name));
    }

    /** Replaces {@code target} with {@code temporary} in one step where the file system allows. */
    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(
                    temporary,
                    target.toAbsolutePath(),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
