package org.ramsetu.platform.registry.pledges;

import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A pledge's id where another module hands it to the registry (to lock, change or look up a
 * pledge), so that it cannot be mistaken for a request's or an account's. Inside the registry, and
 * at the web and SQL edges, it is the UUID.
 */
@NamedInterface("pledges")
public record PledgeId(UUID value) {

    public PledgeId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
