package org.ramsetu.infra.testing;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A real PostgreSQL (embedded server in a test folder) with RamSetu's migrations applied. */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedPostgresServer server;
    private final PGSimpleDataSource dataSource;

    private TestDatabase(EmbeddedPostgresServer server) {
        this.server = server;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl());
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
    }

    public static TestDatabase start(Path dir) {
        TestDatabase db = new TestDatabase(EmbeddedPostgresServer.start(dir));
        Flyway.configure()
                .dataSource(db.dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return db;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public EmbeddedPostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
