package org.ramsetu.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.audit.AuditFilter;
import org.ramsetu.platform.audit.AuditQueries;

/**
 * The audit log's {@code total} (issue 21): exact up to {@link AuditQueries#COUNT_LIMIT}, then
 * "more than" that, so a log of millions is never counted for a page; the count ignores which page
 * is read and resolves a part of an action's name as the page does.
 */
class AuditTotalsIntegrationTest {

    @Test
    void theLogIsCountedExactlyUpToTheLimitAndBeyondItOnlyAsMore() {
        var jdbc = RegistryDatabase.jdbc();
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String many = "COUNTED_MANY_" + run;
        String few = "COUNTED_FEW_" + run;
        jdbc.sql(
                        """
                        insert into audit_event (occurred_at, action, outcome, target_type,
                            target_id)
                        select now() - g * interval '1 millisecond',
                            case when g <= 3 then :few else :many end, 'SUCCESS', 'totals', :run
                        from generate_series(1, :rows) g
                        """)
                .param("few", few)
                .param("many", many)
                .param("run", run)
                .param("rows", AuditQueries.COUNT_LIMIT + 3 + 5)
                .update();
        AuditQueries queries = new AuditQueries(jdbc);

        var fewPage = queries.pageAndCount(filter(few, null, 2));
        Long before = fewPage.items().get(1).id();
        var fewLater = queries.pageAndCount(filter(few, before, 2));
        var byPart = queries.pageAndCount(filter("counted_few_" + run.toLowerCase(), null, 50));
        var manyPage = queries.pageAndCount(filter(many, null, 50));
        var none = queries.pageAndCount(filter("NO_SUCH_" + run, null, 50));

        assertThat(fewPage.count()).isEqualTo(3);
        assertThat(fewLater.items()).hasSize(1);
        assertThat(fewLater.count()).as("the whole list's, whichever page").isEqualTo(3);
        assertThat(byPart.count()).isEqualTo(3);
        assertThat(manyPage.items()).hasSize(50);
        assertThat(manyPage.count())
                .as("counted no further than the limit: one more means more than it")
                .isEqualTo(AuditQueries.COUNT_LIMIT + 1);
        assertThat(none.items()).isEmpty();
        assertThat(none.count()).isZero();
    }

    private static AuditFilter filter(String action, Long before, int limit) {
        return new AuditFilter(action, null, null, "totals", null, null, null, before, limit);
    }
}
