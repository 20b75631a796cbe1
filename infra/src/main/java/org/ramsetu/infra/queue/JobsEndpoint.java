package org.ramsetu.infra.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/jobs}: queue state per job type, dead jobs of a type with their last error, and
 * re-drive of a dead job ({@code POST /actuator/jobs/{type}/{id}}). Operators only: the management
 * endpoints belong on a private network.
 */
@Endpoint(id = "jobs")
public class JobsEndpoint {

    private static final int DEAD_LIST_LIMIT = 100;

    private final JobQueue queue;
    private final List<JobType> types;

    public JobsEndpoint(JobQueue queue, List<JobType> types) {
        this.queue = queue;
        this.types = List.copyOf(types);
    }

    @ReadOperation
    public Map<String, QueueStats> stats() {
        Map<String, QueueStats> stats = new LinkedHashMap<>();
        types.forEach(t -> stats.put(t.name(), queue.stats(t)));
        return stats;
    }

    @ReadOperation
    public List<DeadJob> dead(@Selector String type) {
        return queue.dead(jobType(type), DEAD_LIST_LIMIT);
    }

    @WriteOperation
    public Map<String, Object> redrive(@Selector String type, @Selector String id) {
        boolean moved = queue.redrive(jobType(type), jobId(id));
        return Map.of("type", type, "id", id, "redriven", moved);
    }

    /** Both queues name a job by the UUID they gave it; anything else names no job: 400. */
    private static String jobId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(
                    "a job id is the UUID the dead-job list shows", "invalid job id");
        }
    }

    /** A name that cannot be a job type is the caller's mistake: 400, not a server error. */
    private static JobType jobType(String name) {
        try {
            return JobType.of(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), "invalid job type");
        }
    }
}
