package org.ramsetu.infra.queue.postgres;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobQueueContract;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class PostgresJobQueueContractTest extends JobQueueContract {

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

    @Override
    protected JobQueue queue() {
        return queue;
    }
}
