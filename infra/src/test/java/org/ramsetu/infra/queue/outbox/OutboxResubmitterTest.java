package org.ramsetu.infra.queue.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/** The resubmitter keeps its schedule through a database outage and resumes by itself. */
class OutboxResubmitterTest {

    @Test
    void resubmissionResumesAfterTheDatabaseFailedSeveralTimes() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        IncompleteEventPublications outboxOnAFailingDatabase =
                new IncompleteEventPublications() {
                    @Override
                    public void resubmitIncompletePublicationsOlderThan(Duration duration) {
                        if (calls.incrementAndGet() <= 3) {
                            throw new DataAccessResourceFailureException(
                                    "An I/O error occurred while sending to the backend.");
                        }
                        succeeded.incrementAndGet();
                    }

                    @Override
                    public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public void resubmitIncompletePublications(ResubmissionOptions options) {
                        throw new UnsupportedOperationException();
                    }
                };
        OutboxResubmitter resubmitter =
                new OutboxResubmitter(
                        outboxOnAFailingDatabase, Duration.ofSeconds(30), Duration.ofMillis(20));

        resubmitter.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (succeeded.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            resubmitter.stop();
        }

        assertThat(calls.get()).isGreaterThan(3);
        assertThat(succeeded.get()).isGreaterThanOrEqualTo(2);
    }
}
