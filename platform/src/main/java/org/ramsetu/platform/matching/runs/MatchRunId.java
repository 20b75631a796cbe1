package org.ramsetu.platform.matching.runs;

import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A match run's id where another module hands it to matching (re-processing asks for an old run to
 * be ranked again), so that it cannot be mistaken for the id of the request it ranked or of an
 * allocation run. Inside matching, and at the web and SQL edges, it is the UUID.
 */
@NamedInterface("runs")
public record MatchRunId(UUID value) {

    public MatchRunId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
