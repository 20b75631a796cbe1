package org.ramsetu.platform.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The candidate search cannot hold a request for longer than its limit, whatever the plan. */
class TimeBoundQueryIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    @Test
    void aQueryPastTheLimitIsCancelledByTheDatabase() {
        TimeBoundQuery bounded =
                new TimeBoundQuery(
                        db.jdbc(),
                        new DataSourceTransactionManager(db.dataSource()),
                        Duration.ofMillis(200));
        long started = System.nanoTime();

        assertThatThrownBy(
                        () ->
                                bounded.run(
                                        () ->
                                                db.jdbc()
                                                        .sql("select pg_sleep(5)::text")
                                                        .query(String.class)
                                                        .single()))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theLimitAndThePlanningModeStayInsideTheTransaction() {
        TimeBoundQuery bounded =
                new TimeBoundQuery(
                        db.jdbc(),
                        new DataSourceTransactionManager(db.dataSource()),
                        Duration.ofSeconds(7));

        String inside =
                bounded.run(
                        () ->
                                db.jdbc()
                                        .sql(
                                                "select current_setting('statement_timeout') || ' '"
                                                        + " || current_setting('plan_cache_mode')")
                                        .query(String.class)
                                        .single());

        assertThat(inside).isEqualTo("7s force_custom_plan");
        assertThat(
                        db.jdbc()
                                .sql("select current_setting('statement_timeout')")
                                .query(String.class)
                                .single())
                .isEqualTo("0");
    }
}
