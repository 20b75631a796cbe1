package org.ramsetu.infra.queue.config;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ramsetu.infra.health.CachedHealthIndicator;
import org.ramsetu.infra.queue.EffectLedger;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobTracing;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.JobsEndpoint;
import org.ramsetu.infra.queue.QueueHealthIndicator;
import org.ramsetu.infra.queue.QueueMetrics;
import org.ramsetu.infra.queue.QueueProperties;
import org.ramsetu.infra.queue.QueueRedis;
import org.ramsetu.infra.queue.WorkerIdentity;
import org.ramsetu.infra.queue.drill.DrillJobHandler;
import org.ramsetu.infra.queue.drill.QueueDrill;
import org.ramsetu.infra.queue.drill.QueueDrillEndpoint;
import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.ramsetu.infra.queue.outbox.OutboxMetrics;
import org.ramsetu.infra.queue.outbox.OutboxRelay;
import org.ramsetu.infra.queue.outbox.OutboxResubmitter;
import org.ramsetu.infra.queue.postgres.PostgresJobQueue;
import org.ramsetu.infra.queue.redis.RedisStreamsJobQueue;
import org.ramsetu.infra.queue.worker.JobOutcomes;
import org.ramsetu.infra.queue.worker.JobWorker;
import org.ramsetu.infra.redis.RedisClients;
import org.ramsetu.infra.redis.RedisUrls;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job queue of database targets: Redis Streams when {@code RAMSETU_REDIS_URL} is set, otherwise
 * the PostgreSQL table; the outbox in front of it; consumers where enabled.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableConfigurationProperties(QueueProperties.class)
public class QueueConfiguration {

    /**
     * The queue's own Redis connection. Lettuce reconnects by itself after an outage (through the
     * Sentinels to the new primary with a {@code redis-sentinel://} URL); commands issued meanwhile
     * wait for the reconnect up to the timeout, so a consumer's poll fails, backs off and resumes.
     */
    @Bean(destroyMethod = "shutdown")
    QueueRedis queueRedis(RamsetuSettings settings) {
        return new QueueRedis(
                settings.redisUrl().map(url -> redisClient(url, settings.tls().trusted())));
    }

    /** The client the queue uses for {@code url}; public so tests reach Redis the same way. */
    public static RedisClients.Owned redisClient(URI url) {
        return redisClient(url, Optional.empty());
    }

    /**
     * @param trustedCertificates the CAs a {@code rediss} server's certificate must chain to
     */
    public static RedisClients.Owned redisClient(URI url, Optional<Path> trustedCertificates) {
        return RedisClients.create(
                url,
                REDIS_TIMEOUT,
                ClientOptions.DisconnectedBehavior.DEFAULT,
                "ramsetu-queue",
                trustedCertificates);
    }

    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Behind Sentinel a replica may be promoted, so an enqueue also waits until a replica has the
     * job (see {@code ReplicaAcknowledgement}); a single Redis server needs no such wait.
     */
    @Bean
    JobQueue jobQueue(
            QueueRedis redis,
            JdbcClient jdbc,
            Clock clock,
            RamsetuSettings settings,
            QueueProperties properties) {
        if (!redis.isConfigured()) {
            return new PostgresJobQueue(jdbc, clock);
        }
        boolean sentinel = settings.redisUrl().map(RedisUrls::isSentinel).orElse(false);
        return sentinel
                ? new RedisStreamsJobQueue(
                        redis.commands(),
                        redis.enqueueCommands(),
                        Optional.of(properties.redisReplicaAckTimeout()),
                        clock)
                : new RedisStreamsJobQueue(redis.commands(), clock);
    }

    @Bean(destroyMethod = "close")
    CachedHealthIndicator queueHealthIndicator(JobQueue queue, QueueRedis redis) {
        return CachedHealthIndicator.of(
                "queue",
                new QueueHealthIndicator(
                        queue, redis.isConfigured() ? "redis-streams" : "postgresql"));
    }

    @Bean
    EffectLedger effectLedger(JdbcClient jdbc) {
        return new EffectLedger(jdbc);
    }

    @Bean
    JobTracing jobTracing(ObjectProvider<ObservationRegistry> observations) {
        return new JobTracing(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    JobScheduler jobScheduler(ApplicationEventPublisher events, JobTracing tracing) {
        return new JobScheduler(events, tracing);
    }

    @Bean
    OutboxRelay outboxRelay(JobQueue queue) {
        return new OutboxRelay(queue);
    }

    @Bean
    OutboxResubmitter outboxResubmitter(
            IncompleteEventPublications incomplete, QueueProperties properties) {
        return new OutboxResubmitter(
                incomplete, properties.outboxResubmitAfter(), properties.outboxResubmitInterval());
    }

    @Bean
    DrillJobHandler drillJobHandler(JdbcClient jdbc, EffectLedger ledger, TransactionTemplate tx) {
        return new DrillJobHandler(jdbc, ledger, tx);
    }

    @Bean
    QueueDrill queueDrill(JobScheduler scheduler, TransactionTemplate tx, JdbcClient jdbc) {
        return new QueueDrill(scheduler, tx, jdbc);
    }

    @Bean
    QueueDrillEndpoint queueDrillEndpoint(QueueDrill drill) {
        return new QueueDrillEndpoint(drill);
    }

    @Bean
    JobsEndpoint jobsEndpoint(JobQueue queue, ObjectProvider<JobHandler> handlers) {
        return new JobsEndpoint(queue, handlers.orderedStream().map(JobHandler::type).toList());
    }

    /**
     * Queue depth, age and dead jobs on every target with a queue, not only on workers: an api
     * dashboard shows the backlog its requests create. Types: those handled here plus {@code
     * ramsetu.queue.observed-types} (the job types the platform produces, handled elsewhere).
     */
    @Bean
    MeterBinder queueMetrics(
            JobQueue queue,
            ObjectProvider<JobHandler> handlers,
            QueueProperties properties,
            Clock clock,
            @Value("${ramsetu.queue.observed-types:}") List<String> observed) {
        return registry -> {
            Map<String, JobType> types = new TreeMap<>();
            handlers.orderedStream().map(JobHandler::type).forEach(t -> types.put(t.name(), t));
            observed.stream()
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(s -> types.putIfAbsent(s, JobType.of(s)));
            new QueueMetrics(queue, clock, properties.metricsRefresh())
                    .register(registry, types.values());
        };
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcClient jdbc, QueueProperties properties, Clock clock) {
        return new OutboxMetrics(jdbc, clock, properties.metricsRefresh());
    }

    @Bean
    JobOutcomes jobOutcomes(MeterRegistry registry) {
        return new JobOutcomes(registry);
    }

    @Bean
    @ConditionalOnProperty("ramsetu.queue.consumers-enabled")
    JobWorker jobWorker(
            JobQueue queue,
            ObjectProvider<JobHandler> handlerBeans,
            JobOutcomes outcomes,
            QueueProperties properties,
            WorkerIdentity identity,
            JobTracing tracing) {
        List<JobHandler> handlers = handlerBeans.orderedStream().toList();
        return new JobWorker(
                queue,
                handlers,
                identity.id(),
                outcomes,
                properties.drainTimeout(),
                properties.maxIdleWait(),
                tracing);
    }
}
