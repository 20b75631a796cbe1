package org.ramsetu.bench.queue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ramsetu.infra.queue.EffectLedger;
import org.ramsetu.infra.queue.Job;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.drill.DrillJobHandler;
import org.ramsetu.infra.queue.postgres.PostgresJobQueue;
import org.ramsetu.infra.queue.redis.RedisStreamsJobQueue;
import org.ramsetu.infra.queue.worker.JobOutcomes;
import org.ramsetu.infra.queue.worker.JobWorker;
import org.ramsetu.infra.testing.RedisServerProcess;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * End-to-end jobs/s of each queue adapter: enqueue a batch, and the worker (4 consumer threads)
 * leases, applies the drill job's ledger-guarded database effect, and completes every job. One
 * invocation = {@value #BATCH} jobs. Real PostgreSQL (embedded) and real Redis ({@code
 * /usr/bin/redis-server}).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar QueueThroughputBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class QueueThroughputBenchmark {

    static final int BATCH = 1_000;
    private static final JobType TYPE = DrillJobHandler.TYPE;

    @Param({"postgresql", "redis-streams"})
    public String adapter;

    private Path dir;
    private TestDatabase db;
    private RedisServerProcess redis;
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> connection;
    private JobQueue queue;
    private JobWorker worker;
    private final AtomicLong done = new AtomicLong();

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("queue-bench");
        db = TestDatabase.start(dir.resolve("pg"));
        JdbcClient jdbc = db.jdbc();
        if (adapter.equals("redis-streams")) {
            redis = RedisServerProcess.start(dir.resolve("redis"));
            redisClient = RedisClient.create(redis.url());
            connection = redisClient.connect();
            queue = new RedisStreamsJobQueue(connection.sync(), Clock.systemUTC());
        } else {
            queue = new PostgresJobQueue(jdbc, Clock.systemUTC());
        }
        TransactionTemplate tx =
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        worker =
                new JobWorker(
                        queue,
                        List.of(
                                new CountingDrillHandler(
                                        new DrillJobHandler(jdbc, new EffectLedger(jdbc), tx))),
                        "bench",
                        new JobOutcomes(new SimpleMeterRegistry()),
                        Duration.ofSeconds(5),
                        Duration.ofMillis(5));
        worker.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        worker.stop();
        if (connection != null) {
            connection.close();
            redisClient.shutdown();
            redis.close();
        }
        db.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long enqueueAndProcessBatch() throws InterruptedException {
        long target = done.get() + BATCH;
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < BATCH; i++) {
            queue.enqueue(new NewJob(TYPE, run + ":" + i, run + ":" + i));
        }
        while (done.get() < target) {
            Thread.sleep(1);
        }
        return done.get();
    }

    /** The real drill handler (ledger-guarded effect row), counting completions for the bench. */
    private final class CountingDrillHandler implements JobHandler {
        private final DrillJobHandler drill;

        CountingDrillHandler(DrillJobHandler drill) {
            this.drill = drill;
        }

        @Override
        public JobType type() {
            return drill.type();
        }

        @Override
        public int concurrency() {
            return drill.concurrency();
        }

        @Override
        public void handle(Job job) {
            drill.handle(job);
            done.incrementAndGet();
        }
    }
}
