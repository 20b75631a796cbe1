package org.ramsetu.infra.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} file a running PostgreSQL server keeps in its data directory: line 1
 * is the server's process id, line 4 its port. After the JVM that owned the server was killed the
 * file may name a process that is still running (an orphan) or one long gone (a stale file).
 */
record PostmasterPidFile(long pid, int port) {

    static Optional<PostmasterPidFile> readFrom(Path dataDirectory) {
        Path file = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            // Line 4 is the port (PostgreSQL's pidfile.h); absent in a torn file.
            int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : -1;
            return Optional.of(new PostmasterPidFile(Long.parseLong(lines.get(0).strip()), port));
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
