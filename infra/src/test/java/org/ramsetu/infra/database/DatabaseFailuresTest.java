package org.ramsetu.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseFailuresTest {

    @Test
    void aFailedRollbackOnADeadConnectionIsAnUnavailableDatabase() {
        // As seen in the db-failover drill: the statement met "terminating connection due to
        // unexpected postmaster exit" (57P02), then the rollback met a closed connection.
        TransactionSystemException rollbackFailed =
                new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(
                new DataAccessResourceFailureException(
                        "select", new SQLException("terminating connection", "57P02")));

        assertThat(DatabaseFailures.isUnavailable(rollbackFailed)).isTrue();
    }

    @Test
    void aCommitLostWithItsConnectionIsAnUnavailableDatabase() {
        // Also from the drill: the commit met EOF, then Spring's rollback met a closed connection
        // and reported only that ("Commit exception overridden by rollback exception").
        TransactionSystemException rollbackFailed =
                new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"));

        assertThat(DatabaseFailures.isUnavailable(rollbackFailed)).isTrue();
    }

    @Test
    void anErrorOfTheRequestItselfIsNot() {
        assertThat(
                        DatabaseFailures.isUnavailable(
                                new DataIntegrityViolationException(
                                        "insert", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(
                        DatabaseFailures.isUnavailable(
                                new TransactionSystemException("no JDBC cause here")))
                .isFalse();
        assertThat(
                        DatabaseFailures.isUnavailable(
                                new TransactionSystemException(
                                        "commit refused",
                                        new SQLException("serialization failure", "40001"))))
                .isFalse();
    }

    @Test
    void connectionAndShutdownStatesAreUnavailableOthersAreNot() {
        assertThat(DatabaseFailures.isUnavailable("08006")).isTrue();
        assertThat(DatabaseFailures.isUnavailable("57P01")).isTrue();
        assertThat(DatabaseFailures.isUnavailable("25006")).isTrue();
        assertThat(DatabaseFailures.isUnavailable("23505")).isFalse();
        assertThat(DatabaseFailures.isUnavailable((String) null)).isFalse();
    }
}
