package org.ramsetu.infra.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads raw environment strings, collecting every problem instead of stopping at the first. */
final class SettingsReader {

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    SettingsReader(Map<String, String> env) {
        this.env = env;
    }

    Optional<String> text(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
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
        problems.add(message);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }
}
