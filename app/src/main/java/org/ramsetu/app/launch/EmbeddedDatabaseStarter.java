package org.ramsetu.app.launch;

import java.nio.file.Path;
import java.util.Map;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL once the environment (and so structured logging) is ready and
 * before any bean needs a connection, then points {@code spring.datasource.*} at it. The server is
 * stopped by {@link RunningRamsetu#close()} only after the application context has closed, so
 * in-flight requests drain against a live database.
 */
final class EmbeddedDatabaseStarter
        implements ApplicationListener<ApplicationEnvironmentPreparedEvent>,
                Ordered,
                AutoCloseable {

    static final String DESCRIPTION_PROPERTY = "ramsetu.embedded.database";

    private final Path dataDir;
    private volatile EmbeddedPostgresServer server;

    EmbeddedDatabaseStarter(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        server = EmbeddedPostgresServer.start(dataDir);
        event.getEnvironment()
                .getPropertySources()
                .addFirst(
                        new MapPropertySource(
                                "embeddedPostgres",
                                Map.of(
                                        "spring.datasource.url",
                                        server.jdbcUrl(),
                                        "spring.datasource.username",
                                        server.username(),
                                        "spring.datasource.password",
                                        server.password(),
                                        DESCRIPTION_PROPERTY,
                                        "embedded PostgreSQL in " + server.clusterDirectory())));
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void close() {
        EmbeddedPostgresServer running = server;
        if (running != null) {
            running.close();
        }
    }
}
