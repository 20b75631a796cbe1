package org.ramsetu.app.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ramsetu.app.launch.LaunchDescription;
import org.ramsetu.infra.cluster.ServiceInstance;
import org.ramsetu.infra.cluster.ServiceInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Registers this process in the shared instance table once its port is known, refreshes the row on
 * an interval, and removes it on graceful shutdown. A failed heartbeat is logged, never fatal: the
 * database health indicator already reports an unreachable database.
 */
class InstanceHeartbeat implements ApplicationListener<WebServerInitializedEvent>, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private final ServiceInstances instances;
    private final LaunchDescription launch;
    private final Duration interval;
    private final Instant startedAt = Instant.now();
    private ScheduledExecutorService scheduler;
    private volatile ServiceInstance registered;
    private volatile boolean running;

    InstanceHeartbeat(ServiceInstances instances, LaunchDescription launch, Duration interval) {
        this.instances = instances;
        this.launch = launch;
        this.interval = interval;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        registered =
                new ServiceInstance(
                        launch.instanceId(),
                        launch.target().id(),
                        launch.host(),
                        event.getWebServer().getPort(),
                        launch.version(),
                        startedAt,
                        startedAt);
        instances.register(registered);
        scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "instance-heartbeat");
                            t.setDaemon(true);
                            return t;
                        });
        scheduler.scheduleWithFixedDelay(
                this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            instances.heartbeat(registered);
        } catch (RuntimeException e) {
            LOG.warn("Instance heartbeat failed: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        try {
            instances.deregister(launch.instanceId());
        } catch (RuntimeException e) {
            LOG.warn("Could not remove this instance from the registry: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the web server's graceful shutdown so peers see us leave at once. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
