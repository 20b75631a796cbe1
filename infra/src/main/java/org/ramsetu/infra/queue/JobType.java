package org.ramsetu.infra.queue;

import java.util.regex.Pattern;

/**
 * The kind of a job (e.g. {@code mail.send}); each type has its own handler, limits and metrics.
 */
public record JobType(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{0,62}");

    public JobType {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "job type must be 1-63 lower-case letters, digits, dots or hyphens, starting"
                            + " with a letter (got '"
                            + name
                            + "')");
        }
    }

    public static JobType of(String name) {
        return new JobType(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
