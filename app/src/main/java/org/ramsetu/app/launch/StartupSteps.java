package org.ramsetu.app.launch;

import java.util.Comparator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a start's time went, for the work on start times: with {@code -Dramsetu.startup-steps=N}
 * the launcher records Spring's start-up steps (bean creation, configuration class parsing,
 * post-processors) and logs the N slowest once the target runs. Off by default: recording costs a
 * little time and memory of its own.
 */
final class StartupSteps {

    static final String PROPERTY = "ramsetu.startup-steps";

    private static final Logger LOG = LoggerFactory.getLogger(StartupSteps.class);

    private final BufferingApplicationStartup recorded;
    private final int reported;

    private StartupSteps(BufferingApplicationStartup recorded, int reported) {
        this.recorded = recorded;
        this.reported = reported;
    }

    /** Records the application's steps when the property asks for a report; else nothing. */
    static StartupSteps recordIfAsked(SpringApplication app) {
        int reported = Integer.getInteger(PROPERTY, 0);
        if (reported <= 0) {
            return new StartupSteps(null, 0);
        }
        BufferingApplicationStartup recorded = new BufferingApplicationStartup(50_000);
        app.setApplicationStartup(recorded);
        return new StartupSteps(recorded, reported);
    }

    /** Logs the slowest steps recorded (a step's time includes the steps inside it). */
    void report() {
        if (recorded == null) {
            return;
        }
        StartupTimeline timeline = recorded.getBufferedTimeline();
        String slowest =
                timeline.getEvents().stream()
                        .sorted(
                                Comparator.comparing(StartupTimeline.TimelineEvent::getDuration)
                                        .reversed())
                        .limit(reported)
                        .map(
                                e ->
                                        "\n  "
                                                + e.getDuration().toMillis()
                                                + " ms "
                                                + describe(e.getStartupStep()))
                        .collect(Collectors.joining());
        LOG.info(
                "Start-up steps: {} recorded since {}; the {} slowest:{}",
                timeline.getEvents().size(),
                timeline.getStartTime(),
                Math.min(reported, timeline.getEvents().size()),
                slowest);
    }

    private static String describe(StartupStep step) {
        StringBuilder text = new StringBuilder(step.getName());
        step.getTags()
                .forEach(
                        tag ->
                                text.append(' ')
                                        .append(tag.getKey())
                                        .append('=')
                                        .append(tag.getValue()));
        return text.toString();
    }
}
