package org.ramsetu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Overload and an unavailable (failing over) database answer 503 with Retry-After, so clients back
 * off instead of reporting a bug.
 */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void anExhaustedConnectionPoolIsServiceUnavailableNotAnError() {
        var answer =
                handler.noConnection(
                        new CannotGetJdbcConnectionException(
                                "Failed to obtain JDBC Connection",
                                new SQLTransientConnectionException(
                                        "HikariPool-1 - Connection is not available")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).contains("too busy").doesNotContain("Hikari");
    }

    @Test
    void noConnectionForATransactionIsServiceUnavailableToo() {
        var answer =
                handler.noConnection(
                        new CannotCreateTransactionException(
                                "Could not open JDBC Connection for transaction",
                                new SQLTransientConnectionException("pool exhausted")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    @Test
    void aQueryPastItsLimitIsServiceUnavailable() {
        var answer = handler.queryTimeout(new QueryTimeoutException("canceling statement"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    /** What Spring's JDBC layer makes of a PostgreSQL error, as JdbcTemplate does. */
    private static RuntimeException translated(String sqlState, String message) {
        SQLException e = new SQLException(message, sqlState);
        RuntimeException known =
                new SQLErrorCodeSQLExceptionTranslator("PostgreSQL")
                        .translate("request", "select 1", e);
        return known != null ? known : new UncategorizedSQLException("request", "select 1", e);
    }

    @Test
    void aConnectionLostMidRequestIsDatabaseUnavailableWithRetryAfter() {
        var answer =
                handler.databaseFailure(
                        translated("08006", "An I/O error occurred while sending to the backend."));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType().toString()).endsWith("database-unavailable");
        assertThat(answer.getBody().getDetail())
                .contains("database is unavailable")
                .doesNotContain("too busy")
                .doesNotContain("I/O error");
    }

    @Test
    void aServerShuttingDownOrReadOnlyInASwitchoverIsDatabaseUnavailable() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "25006", "08001"}) {
            var answer = handler.databaseFailure(translated(state, "server says " + state));

            assertThat(answer.getStatusCode().value()).as(state).isEqualTo(503);
            assertThat(answer.getBody().getDetail()).as(state).contains("database is unavailable");
        }
    }

    @Test
    void aFailedCommitOfADeadConnectionIsDatabaseUnavailable() {
        var answer =
                handler.databaseFailure(
                        new TransactionSystemException(
                                "Could not commit JDBC transaction",
                                new SQLException("This connection has been closed.", "08003")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aPoolThatCannotReachTheDatabaseSaysUnavailableNotBusy() {
        SQLException refused = new SQLException("Connection to db:5432 refused.", "08001");
        SQLTransientConnectionException timedOut =
                new SQLTransientConnectionException(
                        "ramsetu-db - Connection is not available, request timed out after 5000ms",
                        "08001",
                        refused);
        timedOut.setNextException(refused);

        var answer =
                handler.noConnection(
                        new CannotGetJdbcConnectionException(
                                "Failed to obtain JDBC Connection", timedOut));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().getDetail())
                .contains("database is unavailable")
                .doesNotContain("too busy");
    }

    @Test
    void anyOtherDatabaseErrorIsStillAnInternalError() {
        var answer =
                handler.databaseFailure(translated("42P01", "relation \"pledge\" does not exist"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getDetail()).doesNotContain("pledge");
    }
}
