package org.ramsetu.infra.queue.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobQueueContract;
import org.ramsetu.infra.queue.Lease;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class PostgresJobQueueIntegrationTest extends JobQueueContract {

    @TempDir static Path dir;
    private static TestDatabase db;
    private static PostgresJobQueue queue;

    @BeforeAll
    static void startDatabase() {
        db = TestDatabase.start(dir);
        queue = new PostgresJobQueue(JdbcClient.create(db.dataSource()), Clock.systemUTC());
    }

    @AfterAll
    static void stopDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyQueue() {
        db.jdbc().sql("truncate job, job_effect").update();
    }

    @Test
    void aCompletedJobKeepsItsKeyButNotItsPayload() {
        queue.enqueue(new NewJob(MAIL, "code-mail", "{\"code\":\"123456\"}"));
        Lease lease = queue.lease(MAIL, "c1", LEASE).orElseThrow();

        queue.complete(lease);

        assertThat(
                        db.jdbc()
                                .sql("select payload from job where idempotency_key = 'code-mail'")
                                .query(String.class)
                                .single())
                .isEmpty();
        assertThat(queue.enqueue(new NewJob(MAIL, "code-mail", "{}")).duplicate()).isTrue();
    }

    @Override
    protected JobQueue queue() {
        return queue;
    }
}
