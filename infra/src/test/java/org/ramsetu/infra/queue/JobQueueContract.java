package org.ramsetu.infra.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link JobQueue} adapter must show. Each adapter's test extends this and
 * supplies a queue on a real, empty store.
 */
public abstract class JobQueueContract {

    protected static final JobType MAIL = JobType.of("contract.mail");
    protected static final JobType REPORT = JobType.of("contract.report");
    protected static final Duration LEASE = Duration.ofSeconds(30);

    protected abstract JobQueue queue();

    private Lease leaseOrFail(JobType type, String consumer, Duration lease) {
        return queue().lease(type, consumer, lease).orElseThrow(() -> new AssertionError("no job"));
    }

    @Test
    void enqueuedJobIsDeliveredWithItsPayload() {
        EnqueueResult r = queue().enqueue(new NewJob(MAIL, "welcome-1", "{\"to\":\"a@b.org\"}"));

        Lease lease = leaseOrFail(MAIL, "c1", LEASE);

        assertThat(r.duplicate()).isFalse();
        assertThat(lease.job().id()).isEqualTo(r.jobId());
        assertThat(lease.job().payload()).isEqualTo("{\"to\":\"a@b.org\"}");
        assertThat(lease.job().idempotencyKey()).isEqualTo("welcome-1");
        assertThat(lease.job().attempt()).isEqualTo(1);
    }

    @Test
    void aJobCarriesTheTraceOfTheRequestThatCausedIt() {
        String traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        queue().enqueue(new NewJob(MAIL, "traced", "p", traceParent));
        queue().enqueue(new NewJob(REPORT, "untraced", "p"));

        assertThat(leaseOrFail(MAIL, "c1", LEASE).job().traceParent()).isEqualTo(traceParent);
        assertThat(leaseOrFail(REPORT, "c1", LEASE).job().traceParent()).isNull();
    }

    @Test
    void sameTypeAndKeyEnqueuesOnceEvenAfterCompletion() {
        EnqueueResult first = queue().enqueue(new NewJob(MAIL, "k", "one"));
        queue().complete(leaseOrFail(MAIL, "c1", LEASE));

        EnqueueResult second = queue().enqueue(new NewJob(MAIL, "k", "two"));

        assertThat(second.duplicate()).isTrue();
        assertThat(second.jobId()).isEqualTo(first.jobId());
        assertThat(queue().lease(MAIL, "c1", LEASE)).isEmpty();
    }

    @Test
    void sameKeyOfAnotherTypeIsAnotherJob() {
        queue().enqueue(new NewJob(MAIL, "k", "mail"));
        queue().enqueue(new NewJob(REPORT, "k", "report"));

        assertThat(leaseOrFail(REPORT, "c1", LEASE).job().payload()).isEqualTo("report");
        assertThat(leaseOrFail(MAIL, "c1", LEASE).job().payload()).isEqualTo("mail");
    }

    @Test
    void completedJobIsNotDeliveredAgain() {
        queue().enqueue(new NewJob(MAIL, "k", "p"));
        queue().complete(leaseOrFail(MAIL, "c1", LEASE));

        assertThat(queue().lease(MAIL, "c1", Duration.ZERO)).isEmpty();
        assertThat(queue().stats(MAIL).depth()).isZero();
    }

    @Test
    void concurrentConsumersNeverLeaseTheSameJob() throws Exception {
        int jobs = 200;
        for (int i = 0; i < jobs; i++) {
            queue().enqueue(new NewJob(MAIL, "job-" + i, "p" + i));
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> consumers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String consumer = "consumer-" + c;
            consumers.add(
                    pool.submit(
                            () -> {
                                Optional<Lease> lease;
                                while ((lease = queue().lease(MAIL, consumer, LEASE)).isPresent()) {
                                    if (!seen.add(lease.get().job().id())) {
                                        synchronized (duplicates) {
                                            duplicates.add(lease.get().job().id());
                                        }
                                    }
                                    queue().complete(lease.get());
                                }
                            }));
        }
        for (Future<?> f : consumers) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(jobs);
    }

    @Test
    void jobOfAConsumerThatStoppedIsRedeliveredAfterItsLease() throws Exception {
        queue().enqueue(new NewJob(MAIL, "k", "p"));
        Lease abandoned = leaseOrFail(MAIL, "dead-consumer", Duration.ofMillis(300));
        assertThat(queue().lease(MAIL, "c2", Duration.ofMillis(300))).isEmpty();

        Thread.sleep(600);
        Lease redelivered = leaseOrFail(MAIL, "c2", Duration.ofMillis(300));

        assertThat(redelivered.job().id()).isEqualTo(abandoned.job().id());
        assertThat(redelivered.job().attempt()).isEqualTo(2);
        // Counted as ramsetu_jobs_taken_over_total: the first consumer died or hung.
        assertThat(abandoned.takenOver()).isFalse();
        assertThat(redelivered.takenOver()).isTrue();
    }

    @Test
    void staleLeaseHolderCannotCompleteAJobTakenOver() throws Exception {
        queue().enqueue(new NewJob(MAIL, "k", "p"));
        Lease stale = leaseOrFail(MAIL, "slow", Duration.ofMillis(200));
        Thread.sleep(400);
        Lease current = leaseOrFail(MAIL, "fast", Duration.ofMillis(200));

        queue().complete(stale);

        assertThat(queue().stats(MAIL).depth()).isEqualTo(1);
        queue().complete(current);
        assertThat(queue().stats(MAIL).depth()).isZero();
    }

    @Test
    void failedJobIsRetriedOnlyAfterItsDelay() throws Exception {
        queue().enqueue(new NewJob(MAIL, "k", "p"));
        queue().fail(
                        leaseOrFail(MAIL, "c1", LEASE),
                        "SMTP timeout",
                        Optional.of(Duration.ofMillis(500)));

        assertThat(queue().lease(MAIL, "c1", LEASE)).isEmpty();
        Thread.sleep(700);
        Lease retry = leaseOrFail(MAIL, "c1", LEASE);

        assertThat(retry.job().attempt()).isEqualTo(2);
    }

    @Test
    void jobOutOfAttemptsIsDeadWithItsLastErrorAndCanBeRedriven() {
        EnqueueResult r = queue().enqueue(new NewJob(MAIL, "k", "p"));
        queue().fail(leaseOrFail(MAIL, "c1", LEASE), "mailbox full", Optional.empty());

        assertThat(queue().lease(MAIL, "c1", Duration.ZERO)).isEmpty();
        List<DeadJob> dead = queue().dead(MAIL, 10);
        assertThat(dead)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.job().id()).isEqualTo(r.jobId());
                            assertThat(d.lastError()).isEqualTo("mailbox full");
                        });
        assertThat(queue().stats(MAIL).dead()).isEqualTo(1);

        assertThat(queue().redrive(MAIL, r.jobId())).isTrue();
        assertThat(queue().redrive(MAIL, r.jobId())).isFalse();
        Lease again = leaseOrFail(MAIL, "c1", LEASE);
        assertThat(again.job().id()).isEqualTo(r.jobId());
        assertThat(again.job().attempt()).isEqualTo(1);
        assertThat(queue().dead(MAIL, 10)).isEmpty();
    }

    @Test
    void releasedJobIsDeliveredAtOnceWithoutCountingAnAttempt() {
        queue().enqueue(new NewJob(MAIL, "k", "p"));
        queue().release(leaseOrFail(MAIL, "stopping-worker", LEASE));

        Lease next = leaseOrFail(MAIL, "other-worker", LEASE);

        assertThat(next.job().attempt()).isEqualTo(1);
    }

    @Test
    void statsReportDepthAndAgeOfTheOldestJob() throws Exception {
        assertThat(queue().stats(MAIL)).isEqualTo(new QueueStats(0, Duration.ZERO, 0));
        queue().enqueue(new NewJob(MAIL, "a", "p"));
        queue().enqueue(new NewJob(MAIL, "b", "p"));
        Thread.sleep(50);

        QueueStats stats = queue().stats(MAIL);

        assertThat(stats.depth()).isEqualTo(2);
        assertThat(stats.oldestAge()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(queue().stats(REPORT).depth()).isZero();
    }

    @Test
    void pingAnswersWhileTheStoreIsUp() {
        queue().ping();
    }
}
