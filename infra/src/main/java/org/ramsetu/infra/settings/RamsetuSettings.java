package org.ramsetu.infra.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every {@code RAMSETU_*} setting of the public contract (API.md), read from the environment into
 * typed, validated values. Unset means the embedded default. Secrets never appear in {@link
 * #toString()}.
 */
public record RamsetuSettings(
        Path dataDir,
        Optional<Database> database,
        Optional<URI> redisUrl,
        Optional<S3> s3,
        Optional<Smtp> smtp,
        Optional<URI> scoringUrl,
        Optional<Secret> jwtSecret,
        Optional<BootstrapAdmin> bootstrapAdmin) {

    public static final int MIN_JWT_SECRET_LENGTH = 32;
    public static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** External PostgreSQL; user and password may also be carried in the URL. */
    public record Database(String url, Optional<String> user, Optional<Secret> password) {}

    public record S3(Optional<URI> endpoint, String bucket, String region) {}

    public record Smtp(String host, int port, Optional<String> user, Optional<Secret> password) {}

    public record BootstrapAdmin(String email, Secret password) {}

    /** A secret value whose text never reaches logs or error messages. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "****";
        }
    }

    /**
     * These settings with the access-token signing secret set (e.g. one kept in the data folder).
     */
    public RamsetuSettings withJwtSecret(Secret secret) {
        return new RamsetuSettings(
                dataDir,
                database,
                redisUrl,
                s3,
                smtp,
                scoringUrl,
                Optional.of(secret),
                bootstrapAdmin);
    }

    public static RamsetuSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Reads and validates all settings, reporting every problem at once. */
    public static RamsetuSettings fromEnvironment(Map<String, String> env) {
        SettingsReader r = new SettingsReader(env);
        Path dataDir = Path.of(r.text("RAMSETU_DATA_DIR").orElse("./data"));

        r.requireWhenAnySet("RAMSETU_DB_URL", "RAMSETU_DB_USER", "RAMSETU_DB_PASSWORD");
        Optional<Database> database =
                r.text("RAMSETU_DB_URL")
                        .filter(
                                url -> {
                                    if (url.startsWith("jdbc:postgresql://")) {
                                        return true;
                                    }
                                    r.problem(
                                            "RAMSETU_DB_URL must be a PostgreSQL JDBC URL like"
                                                    + " jdbc:postgresql://db.example:5432/ramsetu");
                                    return false;
                                })
                        .map(
                                url ->
                                        new Database(
                                                url,
                                                r.text("RAMSETU_DB_USER"),
                                                r.text("RAMSETU_DB_PASSWORD").map(Secret::new)));

        Optional<URI> redis =
                r.uri("RAMSETU_REDIS_URL", Set.of("redis", "rediss"), "redis://cache:6379");

        r.requireWhenAnySet("RAMSETU_S3_BUCKET", "RAMSETU_S3_ENDPOINT", "RAMSETU_S3_REGION");
        Optional<URI> s3Endpoint =
                r.uri("RAMSETU_S3_ENDPOINT", Set.of("http", "https"), "https://s3.example:9000");
        Optional<S3> s3 =
                r.text("RAMSETU_S3_BUCKET")
                        .filter(
                                bucket -> {
                                    if (BUCKET.matcher(bucket).matches()) {
                                        return true;
                                    }
                                    r.problem(
                                            "RAMSETU_S3_BUCKET must be 3-63 lowercase letters,"
                                                    + " digits, dots or hyphens");
                                    return false;
                                })
                        .map(
                                b ->
                                        new S3(
                                                s3Endpoint,
                                                b,
                                                r.text("RAMSETU_S3_REGION").orElse("us-east-1")));

        r.requireWhenAnySet(
                "RAMSETU_SMTP_HOST",
                "RAMSETU_SMTP_PORT",
                "RAMSETU_SMTP_USER",
                "RAMSETU_SMTP_PASSWORD");
        r.requireWhenAnySet("RAMSETU_SMTP_USER", "RAMSETU_SMTP_PASSWORD");
        Optional<Integer> smtpPort = r.port("RAMSETU_SMTP_PORT");
        Optional<Smtp> smtp =
                r.text("RAMSETU_SMTP_HOST")
                        .map(
                                host ->
                                        new Smtp(
                                                host,
                                                smtpPort.orElse(587),
                                                r.text("RAMSETU_SMTP_USER"),
                                                r.text("RAMSETU_SMTP_PASSWORD").map(Secret::new)));

        Optional<URI> scoring =
                r.uri("RAMSETU_SCORING_URL", Set.of("http", "https"), "http://scoring:8081");

        Optional<Secret> jwt = r.text("RAMSETU_JWT_SECRET").map(Secret::new);
        jwt.filter(s -> s.value().length() < MIN_JWT_SECRET_LENGTH)
                .ifPresent(
                        s ->
                                r.problem(
                                        "RAMSETU_JWT_SECRET must be at least "
                                                + MIN_JWT_SECRET_LENGTH
                                                + " characters (256 bits); generate one with"
                                                + " 'openssl rand -base64 48'"));

        r.requireWhenAnySet("RAMSETU_BOOTSTRAP_ADMIN_EMAIL", "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD");
        r.requireWhenAnySet("RAMSETU_BOOTSTRAP_ADMIN_PASSWORD", "RAMSETU_BOOTSTRAP_ADMIN_EMAIL");
        Optional<BootstrapAdmin> admin = bootstrapAdmin(r);

        r.throwIfAny();
        return new RamsetuSettings(dataDir, database, redis, s3, smtp, scoring, jwt, admin);
    }

    private static Optional<BootstrapAdmin> bootstrapAdmin(SettingsReader r) {
        Optional<String> email = r.text("RAMSETU_BOOTSTRAP_ADMIN_EMAIL");
        Optional<String> password = r.text("RAMSETU_BOOTSTRAP_ADMIN_PASSWORD");
        if (email.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        if (!EMAIL.matcher(email.get()).matches()) {
            r.problem("RAMSETU_BOOTSTRAP_ADMIN_EMAIL must be an e-mail address");
            ok = false;
        }
        if (password.get().length() < MIN_ADMIN_PASSWORD_LENGTH) {
            r.problem(
                    "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD must be at least "
                            + MIN_ADMIN_PASSWORD_LENGTH
                            + " characters");
            ok = false;
        }
        return ok
                ? Optional.of(new BootstrapAdmin(email.get(), new Secret(password.get())))
                : Optional.empty();
    }
}
