package org.ramsetu.infra.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} file a running PostgreSQL server keeps in its data directory: line 1
 * is the server's process id. After the JVM that owned the server was killed the file may name a
 * process that is still running (an orphan) or one long gone (a stale file).
 */
record PostmasterPidFile(long pid) {

    static Optional<PostmasterPidFile> readFrom(Path dataDirectory) {
        Path file = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new PostmasterPidFile(Long.parseLong(lines.get(0).strip())));
        } catch (IOException | NumberFormatException unreadable) {
            // No file (server stopped cleanly) or a torn one (crash mid-write): no server to stop.
            return Optional.empty();
        }
    }

    /** True when the named process is alive and is a PostgreSQL server. */
    boolean isRunningPostgres() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command())
                .map(command -> command.endsWith("postgres"))
                .orElse(false);
    }
}
