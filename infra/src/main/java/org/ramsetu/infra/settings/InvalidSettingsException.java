package org.ramsetu.infra.settings;

import java.util.List;

/**
 * One or more {@code RAMSETU_*} settings are missing or malformed; each problem names its variable.
 */
public class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
