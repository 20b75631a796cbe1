package org.ramsetu.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * A real redis-server for one test class, as {@link PerClassDatabase} is a PostgreSQL: started in a
 * folder of its own before the class's first test, stopped and its folder removed after its last.
 * Register it as {@code @RegisterExtension static final PerClassRedis redis = new
 * PerClassRedis();}. A test that kills Redis starts a server of its own, so the others keep this
 * one.
 */
public final class PerClassRedis implements BeforeAllCallback, AfterAllCallback {

    private Path folder;
    private RedisServerProcess server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("ramsetu-test-redis");
        server = RedisServerProcess.start(folder);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (server != null) { // null when it failed to start: that failure is the one to see
                server.close();
            }
        } finally {
            try {
                FileSystemUtils.deleteRecursively(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The server, e.g. to hand to an adapter under test. */
    public RedisServerProcess server() {
        if (server == null) {
            throw new IllegalStateException(
                    "Redis starts before the class's first test: register this extension on a"
                            + " static field");
        }
        return server;
    }

    /** {@code redis://localhost:<port>}. */
    public String url() {
        return server().url();
    }
}
