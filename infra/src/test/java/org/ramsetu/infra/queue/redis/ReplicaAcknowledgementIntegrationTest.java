package org.ramsetu.infra.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.queue.EnqueueResult;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.QueueRedis;
import org.ramsetu.infra.queue.config.QueueConfiguration;
import org.ramsetu.infra.testing.RedisServerProcess;

/**
 * Enqueues that wait for a replica (Redis behind Sentinel): an enqueue returns once a replica has
 * the job, fails (for the outbox to deliver it again) when the replica does not acknowledge in
 * time, and does not wait when no replica is online.
 */
class ReplicaAcknowledgementIntegrationTest {

    private static final JobType TYPE = JobType.of("test.acked");
    private static final Duration ACK_TIMEOUT = Duration.ofMillis(500);

    @TempDir Path dir;

    @Test
    void anEnqueueCountsOnlyOnceAReplicaHasTheJob() throws Exception {
        try (RedisServerProcess primary = RedisServerProcess.start(dir.resolve("primary"))) {
            RedisServerProcess replica =
                    RedisServerProcess.start(
                            dir.resolve("replica"),
                            List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())));
            QueueRedis redis =
                    new QueueRedis(
                            Optional.of(QueueConfiguration.redisClient(URI.create(primary.url()))));
            try {
                RedisStreamsJobQueue queue =
                        new RedisStreamsJobQueue(
                                redis.commands(),
                                redis.enqueueCommands(),
                                Optional.of(ACK_TIMEOUT),
                                Clock.systemUTC());
                awaitOnlineReplicas(redis, 1);

                queue.enqueue(new NewJob(TYPE, "k1", "{}"));

                signal(replica, "STOP");
                try {
                    long start = System.nanoTime();
                    assertThatThrownBy(() -> queue.enqueue(new NewJob(TYPE, "k2", "{}")))
                            .hasMessageContaining("no Redis replica acknowledged the job");
                    assertThat(Duration.ofNanos(System.nanoTime() - start))
                            .isGreaterThanOrEqualTo(ACK_TIMEOUT);
                } finally {
                    signal(replica, "CONT");
                }
                // The outbox delivers it again: a duplicate now, acknowledged this time.
                EnqueueResult again = queue.enqueue(new NewJob(TYPE, "k2", "{}"));
                assertThat(again.duplicate()).isTrue();

                replica.close();
                awaitOnlineReplicas(redis, 0);
                Thread.sleep(1_100); // the queue looks at the replicas at most once a second
                long start = System.nanoTime();
                queue.enqueue(new NewJob(TYPE, "k3", "{}"));
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("no replica online: nothing to wait for")
                        .isLessThan(ACK_TIMEOUT);
                assertThat(queue.stats(TYPE).depth()).isEqualTo(3);
            } finally {
                redis.shutdown();
                replica.close();
            }
        }
    }

    private static void awaitOnlineReplicas(QueueRedis redis, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<Object> role = redis.commands().role();
            int online = role.get(2) instanceof List<?> replicas ? replicas.size() : 0;
            if (online == count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("replicas online: " + online + ", expected " + count);
            }
            Thread.sleep(100);
        }
    }

    private static void signal(RedisServerProcess server, String signal) throws Exception {
        Process kill =
                new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid()))
                        .inheritIO()
                        .start();
        assertThat(kill.waitFor()).isZero();
    }
}
