package org.ramsetu.scoring.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ramsetu.scoring.runtime.ModelRefresh;
import org.springframework.context.SmartLifecycle;

/**
 * Loads and warms the models while the application starts (a few hundred milliseconds; on a first
 * start of {@code all} also the training of default models), so a started process serves at once.
 * If an organ has no model, start-up still completes with readiness DOWN (saying what to run), and
 * the registry is re-checked every interval on a background thread, which is also how a newly
 * registered version is picked up.
 */
final class ModelRefreshSchedule implements SmartLifecycle {

    private final ModelRefresh refresh;
    private final Duration interval;
    private ScheduledExecutorService executor;

    ModelRefreshSchedule(ModelRefresh refresh, Duration interval) {
        this.refresh = refresh;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "scoring-model-refresh");
                            t.setDaemon(true);
                            return t;
                        });
        refresh.refresh();
        executor.scheduleWithFixedDelay(
                refresh::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Before the web server's phase, so that the port opens only once the models are in service (a
     * request never meets a half-started server).
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
