package org.ramsetu.platform.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * A re-processing batch's id, where the batch hands it to matching and allocation to stamp the runs
 * it writes for it. The batch belongs to re-processing; its id type sits in the kernel because
 * re-processing depends on the two run modules, not they on it.
 */
public record BatchId(UUID value) {

    public BatchId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
