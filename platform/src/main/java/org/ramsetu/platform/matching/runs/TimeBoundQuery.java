package org.ramsetu.platform.matching.runs;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs read-only queries that PostgreSQL itself cancels past a time limit ({@code
 * statement_timeout}, for this transaction only), planned for the values at hand rather than by a
 * generic plan of a prepared statement (which the driver switches to after five runs, and which
 * once kept a kidney candidate search busy for minutes on 100,000 donors).
 */
final class TimeBoundQuery {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Duration limit;

    TimeBoundQuery(JdbcClient jdbc, PlatformTransactionManager transactions, Duration limit) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.limit = limit;
    }

    /**
     * @throws org.springframework.dao.QueryTimeoutException past the limit
     */
    <T> T run(Supplier<T> queries) {
        return readOnly.execute(
                status -> {
                    jdbc.sql("select set_config('statement_timeout', :ms, true)")
                            .param("ms", Long.toString(Math.max(1, limit.toMillis())))
                            .query(String.class)
                            .single();
                    jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)")
                            .query(String.class)
                            .single();
                    return queries.get();
                });
    }
}
