package org.ramsetu.infra.schedule;

import java.util.Objects;

/**
 * Work that runs on a schedule once per cluster, whichever scheduling process picks it: declare it
 * as a bean in a database target's context. The body may be interrupted (a worker killed, a
 * shutdown); the next scheduled run does the work again, so it must be repeatable, and long work
 * keeps a checkpoint through {@link WorkContext}.
 *
 * @param name stable, dotted, lower case ({@code registry.nightly-recompute}); it is the row key in
 *     the schedule table, so renaming it abandons the old row
 */
public record RecurringWork(String name, WorkSchedule schedule, Body body) {

    public RecurringWork {
        WorkNames.check(name);
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(body, "body");
    }

    @FunctionalInterface
    public interface Body {
        void run(WorkContext context) throws Exception;
    }
}
