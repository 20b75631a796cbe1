package org.ramsetu.infra.testing;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link TestDatabase} for one test class: started in a folder of its own before the class's
 * first test, stopped and removed after its last. Register it as {@code @RegisterExtension static
 * final PerClassDatabase db = new PerClassDatabase();}.
 */
public final class PerClassDatabase implements BeforeAllCallback, AfterAllCallback {

    private TestDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.startInTemporaryFolder("ramsetu-test-db");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }

    public JdbcClient jdbc() {
        return started().jdbc();
    }

    public DataSource dataSource() {
        return started().dataSource();
    }

    /** A transaction template on this database, as the application's use cases get one. */
    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
    }

    private TestDatabase started() {
        if (database == null) {
            throw new IllegalStateException(
                    "the database starts before the class's first test: register this extension"
                            + " on a static field");
        }
        return database;
    }
}
