package org.ramsetu.infra.cluster;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code GET /actuator/instances}: the RamSetu processes that shared this database recently. */
@Endpoint(id = "instances")
public class InstancesEndpoint {

    private final ServiceInstances instances;
    private final Duration maxSilence;

    public InstancesEndpoint(ServiceInstances instances, Duration maxSilence) {
        this.instances = instances;
        this.maxSilence = maxSilence;
    }

    @ReadOperation
    public List<ServiceInstance> live() {
        return instances.live(maxSilence);
    }
}
