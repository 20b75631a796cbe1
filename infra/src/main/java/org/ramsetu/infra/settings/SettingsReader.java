package org.ramsetu.infra.settings;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads raw environment strings, collecting every problem instead of stopping at the first. */
final class SettingsReader {

    /** Appended to a setting's name, names a file holding its value. */
    static final String FILE_SUFFIX = "_FILE";

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    /** Each file is read once, so a value and its problems are reported once. */
    private final Map<String, String> fileValues = new HashMap<>();

    SettingsReader(Map<String, String> env) {
        this.env = env;
    }

    /**
     * The setting's value: from {@code NAME}, or from the file {@code NAME_FILE} names (how
     * Kubernetes secrets, Docker secrets and secret managers' agents hand values over, keeping them
     * out of the process environment). Setting both is a problem, as is a file that cannot be read.
     */
    Optional<String> text(String name) {
        String value = env.get(name);
        String file = env.get(name + FILE_SUFFIX);
        if (file != null && !file.isBlank()) {
            if (value != null && !value.isBlank()) {
                problem(name + " and " + name + FILE_SUFFIX + " are both set; set one of them");
                return Optional.empty();
            }
            value = fromFile(name, file.strip());
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private String fromFile(String name, String file) {
        String known = fileValues.get(name);
        if (known != null) {
            return known;
        }
        try {
            String read = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            fileValues.put(name, read);
            return read;
        } catch (IOException | RuntimeException e) {
            problem(
                    name
                            + FILE_SUFFIX
                            + " names "
                            + file
                            + ", which cannot be read ("
                            + e.getClass().getSimpleName()
                            + ")");
            fileValues.put(name, "");
            return null;
        }
    }

    boolean isSet(String name) {
        return text(name).isPresent();
    }

    Optional<URI> uri(String name, Set<String> schemes, String example) {
        return text(name)
                .flatMap(
                        raw -> {
                            try {
                                URI uri = new URI(raw);
                                if (uri.getScheme() == null
                                        || !schemes.contains(uri.getScheme().toLowerCase())
                                        || uri.getHost() == null) {
                                    problem(
                                            name
                                                    + " must be a URL like "
                                                    + example
                                                    + " (got '"
                                                    + raw
                                                    + "')");
                                    return Optional.empty();
                                }
                                return Optional.of(uri);
                            } catch (URISyntaxException e) {
                                problem(name + " is not a valid URL: " + e.getMessage());
                                return Optional.empty();
                            }
                        });
    }

    Optional<Integer> port(String name) {
        return text(name)
                .flatMap(
                        raw -> {
                            try {
                                int port = Integer.parseInt(raw);
                                if (port >= 1 && port <= 65535) {
                                    return Optional.of(port);
                                }
                            } catch (NumberFormatException ignored) {
                                // reported below
                            }
                            problem(name + " must be a port number 1-65535 (got '" + raw + "')");
                            return Optional.empty();
                        });
    }

    /** Reports each of {@code dependents} that is set while {@code required} is not. */
    void requireWhenAnySet(String required, String... dependents) {
        if (isSet(required)) {
            return;
        }
        for (String dependent : dependents) {
            if (isSet(dependent)) {
                problem(dependent + " is set but " + required + " is not; set both or neither");
            }
        }
    }

    void problem(String message) {
        if (!problems.contains(message)) {
            problems.add(message);
        }
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }
}
