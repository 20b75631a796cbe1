package org.ramsetu.platform.allocation.runs;

import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An allocation run's id where another module hands it to allocation (re-processing asks for an old
 * run to be ranked again), so that it cannot be mistaken for the id of the pledge it ranked for or
 * of a match run. Inside allocation, and at the web and SQL edges, it is the UUID.
 */
@NamedInterface("runs")
public record AllocationRunId(UUID value) {

    public AllocationRunId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
