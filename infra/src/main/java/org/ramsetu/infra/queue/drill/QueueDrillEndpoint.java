package org.ramsetu.infra.queue.drill;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/** {@code POST /actuator/queuedrill?jobs=N} starts a drill; {@code GET .../{runId}} reports it. */
@Endpoint(id = "queuedrill")
public class QueueDrillEndpoint {

    private final QueueDrill drill;

    public QueueDrillEndpoint(QueueDrill drill) {
        this.drill = drill;
    }

    @WriteOperation
    public QueueDrill.Report start(int jobs) {
        String runId = drill.start(jobs);
        return drill.report(runId);
    }

    @ReadOperation
    public QueueDrill.Report report(@Selector String runId) {
        return drill.report(runId);
    }
}
