package org.ramsetu.platform.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * An account's id where one module hands it to another, so that it cannot be mistaken for the id of
 * a pledge, a request or a run. Inside a module, and at the web and SQL edges, it is the UUID.
 */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
