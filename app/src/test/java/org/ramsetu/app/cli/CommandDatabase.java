package org.ramsetu.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * An embedded PostgreSQL of its own for a class of command tests, registered as a static
 * {@code @RegisterExtension} field: started in a fresh folder before the class's tests, stopped and
 * removed after them. A command reaches it by its connection settings or by its data folder.
 */
final class CommandDatabase implements BeforeAllCallback, AfterAllCallback {

    private Path folder;
    private EmbeddedPostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("ramsetu-command-test-");
        server = EmbeddedPostgresServer.start(dataFolder());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (folder != null) {
                FileSystemUtils.deleteRecursively(folder);
            }
        }
    }

    /** A folder for the test's own files (password files and the like). */
    Path folder() {
        return folder;
    }

    /** The data folder the server runs from, as {@code RAMSETU_DATA_DIR} names it. */
    Path dataFolder() {
        return folder.resolve("data");
    }

    /** The environment of a command that connects by URL, user and password. */
    Map<String, String> connection() {
        return Map.of(
                "RAMSETU_DB_URL", server.jdbcUrl(),
                "RAMSETU_DB_USER", server.username(),
                "RAMSETU_DB_PASSWORD", server.password());
    }

    /** The environment of a command that finds the server through its data folder. */
    Map<String, String> dataFolderEnvironment() {
        return Map.of("RAMSETU_DATA_DIR", dataFolder().toString());
    }

    DataSource dataSource() {
        return new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password());
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    long count(String sql) {
        return jdbc().sql(sql).query(Long.class).single();
    }
}
