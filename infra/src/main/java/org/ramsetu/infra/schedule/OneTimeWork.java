package org.ramsetu.infra.schedule;

import java.util.Objects;

/**
 * A kind of work that runs once per instance at a given time (an offer's deadline, a report, a
 * batch re-scoring). Instances are scheduled through {@link WorkScheduler}; each survives restarts
 * and a killed worker, and a completed instance never runs again. A worker may die half-way, so the
 * body puts each effect behind {@link WorkContext#effectOnce} (or makes it repeatable) and resumes
 * from {@link WorkContext#checkpoint()}.
 *
 * @param dataType the instance's data, stored as JSON: a record of simple values
 */
public record OneTimeWork<T>(String name, Class<T> dataType, Body<T> body) {

    public OneTimeWork {
        WorkNames.check(name);
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(body, "body");
    }

    @FunctionalInterface
    public interface Body<T> {
        void run(T data, WorkContext context) throws Exception;
    }
}
