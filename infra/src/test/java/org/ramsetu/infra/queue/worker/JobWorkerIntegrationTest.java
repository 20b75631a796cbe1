package org.ramsetu.infra.queue.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.queue.Job;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.Lease;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.RetryPolicy;
import org.ramsetu.infra.queue.postgres.PostgresJobQueue;
import org.ramsetu.infra.queue.redis.RedisStreamsJobQueue;
import org.ramsetu.infra.testing.RedisServerProcess;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Workers against real stores: exactly-once effects, crash redelivery, drain, retries. */
class JobWorkerIntegrationTest {

    @TempDir static Path dir;
    private static TestDatabase db;
    private static JdbcClient jdbc;
    private static TransactionTemplate tx;
    private static PostgresJobQueue postgresQueue;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startDatabase() {
        db = TestDatabase.start(dir.resolve("pg"));
        jdbc = db.jdbc();
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        postgresQueue = new PostgresJobQueue(jdbc, Clock.systemUTC());
        CountingEffectHandler.createTable(jdbc);
    }

    @AfterAll
    static void stopDatabase() {
        db.close();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("truncate job, job_effect, test_effect").update();
    }

    private JobWorker worker(JobQueue queue, String id, Duration drain, JobHandler... handlers) {
        return new JobWorker(
                queue,
                List.of(handlers),
                id,
                new JobOutcomes(meters),
                drain,
                Duration.ofMillis(50));
    }

    @Test
    void twoWorkersApplyEveryJobsEffectExactlyOnce() throws Exception {
        for (int i = 0; i < 500; i++) {
            postgresQueue.enqueue(new NewJob(CountingEffectHandler.TYPE, "k" + i, "{}"));
        }
        CountingEffectHandler handler = new CountingEffectHandler(jdbc, tx, Duration.ofSeconds(30));
        JobWorker one = worker(postgresQueue, "w1", Duration.ofSeconds(5), handler);
        JobWorker two = worker(postgresQueue, "w2", Duration.ofSeconds(5), handler);
        one.start();
        two.start();
        try {
            await(() -> effects() == 500, Duration.ofSeconds(60));
            await(
                    () -> postgresQueue.stats(CountingEffectHandler.TYPE).depth() == 0,
                    Duration.ofSeconds(10));
        } finally {
            one.stop();
            two.stop();
        }
        assertThat(distinctEffects()).isEqualTo(500);
        assertThat(handler.deliveries.get()).isEqualTo(500);
    }

    @Test
    void jobOfAWorkerKilledAfterItsEffectIsRedeliveredAndNotAppliedTwice() throws Exception {
        postgresQueue.enqueue(new NewJob(CountingEffectHandler.TYPE, "crash", "{}"));
        CountingEffectHandler handler = new CountingEffectHandler(jdbc, tx, Duration.ofMillis(300));
        // The "killed" worker: leased, applied its effect, died before completing.
        Lease lost =
                postgresQueue
                        .lease(CountingEffectHandler.TYPE, "killed", Duration.ofMillis(300))
                        .orElseThrow();
        handler.handle(lost.job());

        JobWorker survivor = worker(postgresQueue, "survivor", Duration.ofSeconds(5), handler);
        survivor.start();
        try {
            await(
                    () -> postgresQueue.stats(CountingEffectHandler.TYPE).depth() == 0,
                    Duration.ofSeconds(10));
        } finally {
            survivor.stop();
        }
        assertThat(handler.deliveries.get()).isEqualTo(2);
        assertThat(effects()).isEqualTo(1);
    }

    @Test
    void stoppingWorkerReleasesAJobStillRunningAfterTheDrainTime() throws Exception {
        JobType slow = JobType.of("test.slow");
        CountDownLatch started = new CountDownLatch(1);
        JobHandler sleeper =
                new JobHandler() {
                    @Override
                    public JobType type() {
                        return slow;
                    }

                    @Override
                    public void handle(Job job) throws Exception {
                        started.countDown();
                        Thread.sleep(60_000);
                    }
                };
        postgresQueue.enqueue(new NewJob(slow, "slow-1", "{}"));
        JobWorker worker = worker(postgresQueue, "stopping", Duration.ofMillis(200), sleeper);
        worker.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        worker.stop();

        Lease next = postgresQueue.lease(slow, "next", Duration.ofSeconds(30)).orElseThrow();
        assertThat(next.job().attempt()).isEqualTo(1);
        assertThat(
                        meters.counter("ramsetu.jobs", "type", "test.slow", "outcome", "released")
                                .count())
                .isEqualTo(1.0);
    }

    @Test
    void failingJobIsRetriedWithBackoffThenDeadWithItsError() throws Exception {
        JobType flaky = JobType.of("test.flaky");
        JobHandler failing =
                new JobHandler() {
                    @Override
                    public JobType type() {
                        return flaky;
                    }

                    @Override
                    public void handle(Job job) {
                        throw new IllegalStateException(
                                "downstream said no to " + job.idempotencyKey());
                    }

                    @Override
                    public RetryPolicy retryPolicy() {
                        return new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));
                    }
                };
        postgresQueue.enqueue(new NewJob(flaky, "f1", "{}"));
        JobWorker worker = worker(postgresQueue, "w", Duration.ofSeconds(5), failing);
        worker.start();
        try {
            await(() -> postgresQueue.stats(flaky).dead() == 1, Duration.ofSeconds(10));
        } finally {
            worker.stop();
        }
        assertThat(postgresQueue.dead(flaky, 10))
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d.lastError())
                                        .isEqualTo(
                                                "IllegalStateException: downstream said no to f1"));
        assertThat(
                        meters.counter("ramsetu.jobs", "type", "test.flaky", "outcome", "retried")
                                .count())
                .isEqualTo(2.0);
        assertThat(meters.counter("ramsetu.jobs", "type", "test.flaky", "outcome", "dead").count())
                .isEqualTo(1.0);
    }

    @Test
    void noJobIsLostWhenRedisRestartsMidStream() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start(dir.resolve("redis"))) {
            RedisClient client = RedisClient.create(redis.url());
            StatefulRedisConnection<String, String> connection = client.connect();
            try {
                RedisStreamsJobQueue queue =
                        new RedisStreamsJobQueue(connection.sync(), Clock.systemUTC());
                for (int i = 0; i < 400; i++) {
                    queue.enqueue(new NewJob(CountingEffectHandler.TYPE, "r" + i, "{}"));
                }
                CountingEffectHandler handler =
                        new CountingEffectHandler(jdbc, tx, Duration.ofSeconds(2));
                JobWorker worker = worker(queue, "redis-worker", Duration.ofSeconds(5), handler);
                worker.start();
                try {
                    await(() -> effects() >= 100, Duration.ofSeconds(30));
                    redis.restart();
                    await(() -> effects() == 400, Duration.ofSeconds(60));
                } finally {
                    worker.stop();
                }
                assertThat(distinctEffects()).isEqualTo(400);
            } finally {
                connection.close();
                client.shutdown();
            }
        }
    }

    private static long effects() {
        return jdbc.sql("select count(*) from test_effect").query(Long.class).single();
    }

    private static long distinctEffects() {
        return jdbc.sql("select count(distinct job_key) from test_effect")
                .query(Long.class)
                .single();
    }

    private static void await(BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
