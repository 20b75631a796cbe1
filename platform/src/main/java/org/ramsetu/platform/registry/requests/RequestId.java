package org.ramsetu.platform.registry.requests;

import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A transplant request's id where another module hands it to the registry (to lock, change or look
 * up a request), so that it cannot be mistaken for a pledge's or an account's. Inside the registry,
 * and at the web and SQL edges, it is the UUID.
 */
@NamedInterface("requests")
public record RequestId(UUID value) {

    public RequestId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
