package org.ramsetu.infra.schedule;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a {@link RecurringWork} runs: a cron expression in a time zone, a time of day, or a fixed
 * delay after the previous run. The text form ({@link #describe()}) is what the operations endpoint
 * shows.
 */
public final class WorkSchedule {

    private final Schedule schedule;
    private final String description;

    private WorkSchedule(Schedule schedule, String description) {
        this.schedule = schedule;
        this.description = description;
    }

    /** Six-field cron (second minute hour day-of-month month day-of-week) in {@code zone}. */
    public static WorkSchedule cron(String expression, ZoneId zone) {
        return new WorkSchedule(
                Schedules.cron(expression, zone), "cron '" + expression + "' " + zone.getId());
    }

    public static WorkSchedule dailyAt(LocalTime time, ZoneId zone) {
        return new WorkSchedule(Schedules.daily(zone, time), "daily at " + time + " " + zone);
    }

    /** On {@code dayOfMonth} (1–28, so every month has it) at {@code time}. */
    public static WorkSchedule monthlyOn(int dayOfMonth, LocalTime time, ZoneId zone) {
        if (dayOfMonth < 1 || dayOfMonth > 28) {
            throw new IllegalArgumentException("day of month must be 1-28, got " + dayOfMonth);
        }
        String expression =
                "%d %d %d %d * *"
                        .formatted(time.getSecond(), time.getMinute(), time.getHour(), dayOfMonth);
        return new WorkSchedule(
                Schedules.cron(expression, zone),
                "monthly on day " + dayOfMonth + " at " + time + " " + zone);
    }

    public static WorkSchedule every(Duration delay) {
        return new WorkSchedule(Schedules.fixedDelay(delay), "every " + delay);
    }

    Schedule schedule() {
        return schedule;
    }

    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
