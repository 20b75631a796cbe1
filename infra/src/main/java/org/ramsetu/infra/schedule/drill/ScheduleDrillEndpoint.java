package org.ramsetu.infra.schedule.drill;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code POST /actuator/scheduledrill {"instances":N,"workMillis":M}} starts a drill and answers
 * its run id; {@code GET /actuator/scheduledrill/{runId}} reports it. Exposed on worker and all
 * only.
 */
@Endpoint(id = "scheduledrill")
public class ScheduleDrillEndpoint {

    private final ScheduleDrill drill;

    public ScheduleDrillEndpoint(ScheduleDrill drill) {
        this.drill = drill;
    }

    @WriteOperation
    public Map<String, Object> start(int instances, long workMillis) {
        try {
            return Map.of(
                    "runId",
                    drill.start(instances, Duration.ofMillis(workMillis)),
                    "instances",
                    instances);
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
    }

    @ReadOperation
    public ScheduleDrill.Report report(@Selector String runId) {
        return drill.report(runId);
    }
}
