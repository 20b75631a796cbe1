package org.ramsetu.platform.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One real PostgreSQL with every migration, shared by the registry's integration tests in this JVM
 * (a start costs seconds). Tests keep apart by creating their own accounts.
 */
final class RegistryDatabase {

    private static TestDatabase database;

    private RegistryDatabase() {}

    static synchronized TestDatabase get() {
        if (database == null) {
            database = TestDatabase.startInTemporaryFolder("ramsetu-registry-db");
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        }
        return database;
    }

    static JdbcClient jdbc() {
        return get().jdbc();
    }

    static TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(get().dataSource()));
    }

    /** A new account row (what the registry's foreign keys point to). */
    static UUID newAccount(String role) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc().sql(
                        """
                        insert into account (id, email, email_key, role, full_name, password_hash,
                            created_at, password_changed_at)
                        values (:id, :email, :email, :role, 'Test', 'not a hash', :now, :now)
                        """)
                .param("id", id)
                .param("email", id + "@example.org")
                .param("role", role)
                .param("now", now)
                .update();
        return id;
    }
}
