package org.ramsetu.app.launch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What one RamSetu process runs (docs/architecture.md; ADR 0001, one binary with targets). */
public enum Target {
    ALL(8080, true, true),
    API(8080, true, true),
    SCORING(8081, false, false),
    WORKER(8082, true, false);

    private final int defaultPort;
    private final boolean usesDatabase;
    private final boolean servesWeb;

    Target(int defaultPort, boolean usesDatabase, boolean servesWeb) {
        this.defaultPort = defaultPort;
        this.usesDatabase = usesDatabase;
        this.servesWeb = servesWeb;
    }

    public static Target parse(String text) {
        return Arrays.stream(values())
                .filter(t -> t.id().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown target '"
                                                + text
                                                + "' (expected "
                                                + choices()
                                                + ")"));
    }

    public static String choices() {
        return Arrays.stream(values()).map(Target::id).collect(Collectors.joining(", "));
    }

    /** The lower-case name used on the command line, in metrics and as the Spring profile. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean usesDatabase() {
        return usesDatabase;
    }

    public boolean servesWeb() {
        return servesWeb;
    }

    /** Only {@code all} may start the embedded PostgreSQL; split targets share one real server. */
    public boolean mayEmbedDatabase() {
        return this == ALL;
    }
}
