package org.ramsetu.infra.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ramsetu.infra.crypto.Totp;

/**
 * Every {@code RAMSETU_*} setting of the public contract (docs/api.md), read from the environment
 * into typed, validated values. Unset means the embedded default. Secrets never appear in {@link
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
        Optional<BootstrapAdmin> bootstrapAdmin,
        List<Secret> jwtAcceptedSecrets,
        Tls tls) {

    public static final int MIN_JWT_SECRET_LENGTH = 32;

    /**
     * The least estimated entropy of a signing secret: a long but repetitive or dictionary-like
     * value ({@code changeme-changeme-…}) is refused at start, not discovered after a breach.
     */
    public static final double MIN_SECRET_BITS = 128;

    public static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** A role name that needs no quoting in a GRANT (what migrations grant to). */
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * External PostgreSQL; user and password may also be carried in the URL. The URL may name
     * several hosts ({@code jdbc:postgresql://h1:5432,h2:5432/ramsetu?targetServerType=primary}):
     * the driver then connects to whichever is the primary.
     *
     * @param replica a read replica for reads that tolerate staleness, if one is configured
     * @param owner the role that owns the schema and runs migrations, when it is not the
     *     application's ({@code RAMSETU_DB_OWNER_USER}/{@code _PASSWORD})
     * @param grantee the role migrations grant the application's privileges to: {@code
     *     RAMSETU_DB_APP_ROLE}, or the application's login {@code RAMSETU_DB_USER}
     */
    public record Database(
            String url,
            Optional<String> user,
            Optional<Secret> password,
            Optional<ReadReplica> replica,
            Optional<Owner> owner,
            Optional<String> grantee) {

        /**
         * The role to grant the application's privileges to after each migration: only when an
         * owner runs the migrations, and the application logs in as another role.
         */
        public Optional<String> applicationRoleToGrant() {
            return owner.flatMap(o -> grantee.filter(role -> !role.equals(o.user())));
        }
    }

    /**
     * The login that owns the schema: migrations run as it, the application's role only reads and
     * writes rows (and only inserts into the audit log).
     */
    public record Owner(String user, Secret password) {}

    /**
     * A streaming replica of the database ({@code RAMSETU_DB_READ_URL}); user and password are the
     * primary's unless {@code RAMSETU_DB_READ_USER}/{@code _PASSWORD} name others.
     */
    public record ReadReplica(String url, Optional<String> user, Optional<Secret> password) {}

    /** URL schemes of {@code RAMSETU_REDIS_URL} that reach Redis through Sentinel (Lettuce's). */
    public static final Set<String> REDIS_SENTINEL_SCHEMES =
            Set.of("redis-sentinel", "rediss-sentinel");

    private static final Set<String> REDIS_SCHEMES = Set.of("redis", "rediss");
    private static final String REDIS_EXAMPLES =
            "redis://cache:6379 or"
                    + " redis-sentinel://sentinel-1:26379,sentinel-2:26379,sentinel-3:26379/0#mymaster";

    public record S3(Optional<URI> endpoint, String bucket, String region) {}

    public record Smtp(String host, int port, Optional<String> user, Optional<Secret> password) {}

    /**
     * @param totpSecret the authenticator secret (Base32) the bootstrap coordinator signs in with,
     *     for an unattended installation; without it the coordinator enrols one at the first
     *     sign-in
     */
    public record BootstrapAdmin(String email, Secret password, Optional<Secret> totpSecret) {}

    /**
     * TLS of this process: the certificate it serves its port with (HTTPS, reloaded when the files
     * change) and the certificates it trusts when it calls another target over HTTPS.
     *
     * @param certificate PEM chain ({@code RAMSETU_TLS_CERTIFICATE}), with {@code privateKey}
     * @param trusted PEM certificates of the CAs trusted for calls to the scoring target ({@code
     *     RAMSETU_TLS_TRUSTED_CERTIFICATES}), instead of the JDK's; empty: the JDK's
     */
    public record Tls(
            Optional<Path> certificate, Optional<Path> privateKey, Optional<Path> trusted) {

        public static Tls none() {
            return new Tls(Optional.empty(), Optional.empty(), Optional.empty());
        }

        public boolean serves() {
            return certificate.isPresent() && privateKey.isPresent();
        }
    }

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
                bootstrapAdmin,
                jwtAcceptedSecrets,
                tls);
    }

    public static RamsetuSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Reads and validates all settings, reporting every problem at once. */
    public static RamsetuSettings fromEnvironment(Map<String, String> env) {
        SettingsReader r = new SettingsReader(env);
        Path dataDir = Path.of(r.text("RAMSETU_DATA_DIR").orElse("./data"));

        r.requireWhenAnySet(
                "RAMSETU_DB_URL",
                "RAMSETU_DB_USER",
                "RAMSETU_DB_PASSWORD",
                "RAMSETU_DB_READ_URL",
                "RAMSETU_DB_READ_USER",
                "RAMSETU_DB_READ_PASSWORD");
        r.requireWhenAnySet(
                "RAMSETU_DB_READ_URL", "RAMSETU_DB_READ_USER", "RAMSETU_DB_READ_PASSWORD");
        Optional<String> dbUser = r.text("RAMSETU_DB_USER");
        Optional<Secret> dbPassword = r.text("RAMSETU_DB_PASSWORD").map(Secret::new);
        Optional<ReadReplica> replica =
                jdbcUrl(
                                r,
                                "RAMSETU_DB_READ_URL",
                                "jdbc:postgresql://db-replica.example:5432/ramsetu")
                        .map(
                                url ->
                                        new ReadReplica(
                                                url,
                                                r.text("RAMSETU_DB_READ_USER").or(() -> dbUser),
                                                r.text("RAMSETU_DB_READ_PASSWORD")
                                                        .map(Secret::new)
                                                        .or(() -> dbPassword)));
        r.requireWhenAnySet("RAMSETU_DB_URL", "RAMSETU_DB_OWNER_USER", "RAMSETU_DB_APP_ROLE");
        r.requireWhenAnySet("RAMSETU_DB_OWNER_USER", "RAMSETU_DB_OWNER_PASSWORD");
        r.requireWhenAnySet("RAMSETU_DB_OWNER_PASSWORD", "RAMSETU_DB_OWNER_USER");
        Optional<Owner> owner =
                r.text("RAMSETU_DB_OWNER_USER")
                        .flatMap(
                                user ->
                                        r.text("RAMSETU_DB_OWNER_PASSWORD")
                                                .map(p -> new Owner(user, new Secret(p))));
        Optional<String> grantee = r.text("RAMSETU_DB_APP_ROLE").or(() -> dbUser);
        // Checked only where migrations grant to it: a login name that needs quoting is fine
        // otherwise.
        grantee.filter(
                        role ->
                                r.text("RAMSETU_DB_OWNER_USER").isPresent()
                                        && !ROLE_NAME.matcher(role).matches())
                .ifPresent(
                        role ->
                                r.problem(
                                        "RAMSETU_DB_APP_ROLE (or RAMSETU_DB_USER) must be a plain"
                                                + " role name (letters, digits, _), not "
                                                + role));
        Optional<Database> database =
                jdbcUrl(r, "RAMSETU_DB_URL", "jdbc:postgresql://db.example:5432/ramsetu")
                        .map(url -> new Database(url, dbUser, dbPassword, replica, owner, grantee));

        Optional<URI> redis = redisUrl(r);

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
        jwt.ifPresent(secret -> checkSigningSecret(r, "RAMSETU_JWT_SECRET", secret.value()));
        List<Secret> accepted =
                r.text("RAMSETU_JWT_ACCEPTED_SECRETS").stream()
                        .flatMap(list -> Arrays.stream(list.split("\\s+")))
                        .filter(secret -> !secret.isEmpty())
                        .map(Secret::new)
                        .toList();
        accepted.forEach(
                secret -> checkSigningSecret(r, "RAMSETU_JWT_ACCEPTED_SECRETS", secret.value()));
        r.requireWhenAnySet("RAMSETU_JWT_SECRET", "RAMSETU_JWT_ACCEPTED_SECRETS");

        r.requireWhenAnySet("RAMSETU_BOOTSTRAP_ADMIN_EMAIL", "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD");
        r.requireWhenAnySet("RAMSETU_BOOTSTRAP_ADMIN_PASSWORD", "RAMSETU_BOOTSTRAP_ADMIN_EMAIL");
        r.requireWhenAnySet("RAMSETU_BOOTSTRAP_ADMIN_EMAIL", "RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET");
        Optional<BootstrapAdmin> admin = bootstrapAdmin(r);

        r.requireWhenAnySet("RAMSETU_TLS_CERTIFICATE", "RAMSETU_TLS_PRIVATE_KEY");
        r.requireWhenAnySet("RAMSETU_TLS_PRIVATE_KEY", "RAMSETU_TLS_CERTIFICATE");
        Tls tls =
                new Tls(
                        readableFile(r, "RAMSETU_TLS_CERTIFICATE"),
                        readableFile(r, "RAMSETU_TLS_PRIVATE_KEY"),
                        readableFile(r, "RAMSETU_TLS_TRUSTED_CERTIFICATES"));

        r.throwIfAny();
        return new RamsetuSettings(
                dataDir, database, redis, s3, smtp, scoring, jwt, admin, accepted, tls);
    }

    /** A path setting naming a file this process can read (checked at start, not later). */
    private static Optional<Path> readableFile(SettingsReader r, String name) {
        Optional<Path> path = r.text(name).map(Path::of);
        path.filter(p -> !Files.isReadable(p) || Files.isDirectory(p))
                .ifPresent(p -> r.problem(name + " names " + p + ", which is not a readable file"));
        return path;
    }

    /** Length and estimated entropy of a secret access tokens are signed or checked with. */
    private static void checkSigningSecret(SettingsReader r, String name, String secret) {
        if (secret.length() < MIN_JWT_SECRET_LENGTH) {
            r.problem(
                    name
                            + " must be at least "
                            + MIN_JWT_SECRET_LENGTH
                            + " characters (256 bits); generate one with"
                            + " 'openssl rand -base64 48'");
        } else if (SecretStrength.estimatedBits(secret) < MIN_SECRET_BITS) {
            r.problem(
                    name
                            + " looks guessable (about "
                            + Math.round(SecretStrength.estimatedBits(secret))
                            + " bits of entropy estimated from its characters, at least "
                            + Math.round(MIN_SECRET_BITS)
                            + " needed); generate one with 'openssl rand -base64 48'");
        }
    }

    /**
     * A PostgreSQL JDBC URL, one host or several (the driver picks by {@code targetServerType}).
     */
    private static Optional<String> jdbcUrl(SettingsReader r, String name, String example) {
        return r.text(name)
                .filter(
                        url -> {
                            if (url.startsWith("jdbc:postgresql://")) {
                                return true;
                            }
                            r.problem(name + " must be a PostgreSQL JDBC URL like " + example);
                            return false;
                        });
    }

    /**
     * {@code redis[s]://[:password@]host:port[/db]} for one server, or Lettuce's Sentinel form
     * {@code redis[s]-sentinel://[password@]host1:26379,host2:26379/db#master}: the Sentinels are
     * asked which server is the primary, at connect and at every reconnect, so clients follow a
     * failover. The password is the Redis servers' (Sentinels without a password).
     */
    private static Optional<URI> redisUrl(SettingsReader r) {
        String name = "RAMSETU_REDIS_URL";
        Optional<String> raw = r.text(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        // The value may carry a password: messages quote it with the password masked.
        String shown = maskPassword(raw.get());
        URI uri;
        try {
            uri = new URI(raw.get());
        } catch (URISyntaxException e) {
            r.problem(name + " is not a valid URL (got '" + shown + "')");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (REDIS_SCHEMES.contains(scheme) && uri.getHost() != null) {
            return Optional.of(uri);
        }
        if (!REDIS_SENTINEL_SCHEMES.contains(scheme)) {
            r.problem(name + " must be a URL like " + REDIS_EXAMPLES + " (got '" + shown + "')");
            return Optional.empty();
        }
        boolean ok = true;
        if (uri.getFragment() == null || uri.getFragment().isBlank()) {
            r.problem(
                    name
                            + " names Redis Sentinels but no master: end it with #<master name>,"
                            + " as in redis-sentinel://sentinel-1:26379,sentinel-2:26379/0#mymaster"
                            + " (got '"
                            + shown
                            + "')");
            ok = false;
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String hosts = authority.substring(authority.lastIndexOf('@') + 1);
        if (hosts.isEmpty()
                || !Arrays.stream(hosts.split(",", -1)).allMatch(RamsetuSettings::isHostAndPort)) {
            r.problem(
                    name
                            + " must list the Sentinels as host:port separated by commas, as in"
                            + " redis-sentinel://sentinel-1:26379,sentinel-2:26379/0#mymaster"
                            + " (got '"
                            + shown
                            + "')");
            ok = false;
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.matches("/\\d{0,2}")) {
            r.problem(name + " may end its path only with a database number, like /0");
            ok = false;
        }
        return ok ? Optional.of(uri) : Optional.empty();
    }

    private static final Pattern HOST_AND_PORT =
            Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9._-]+)(:(\\d{1,5}))?");

    private static boolean isHostAndPort(String entry) {
        var m = HOST_AND_PORT.matcher(entry);
        if (!m.matches()) {
            return false;
        }
        return m.group(3) == null
                || (Integer.parseInt(m.group(3)) >= 1 && Integer.parseInt(m.group(3)) <= 65535);
    }

    /** {@code url} with the password of its user information replaced by {@code ****}. */
    static String maskPassword(String url) {
        int schemeEnd = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (schemeEnd < 0 || at < schemeEnd) {
            return url;
        }
        String userInfo = url.substring(schemeEnd + 3, at);
        int colon = userInfo.indexOf(':');
        // redis://user:password@ or redis://:password@ keep the user; redis://password@ (Lettuce's
        // short form) is all password.
        String masked = colon >= 0 ? userInfo.substring(0, colon + 1) + "****" : "****";
        return url.substring(0, schemeEnd + 3) + masked + url.substring(at);
    }

    /** Like the record's own, but a password in the Redis URL is masked. */
    @Override
    public String toString() {
        return "RamsetuSettings[dataDir="
                + dataDir
                + ", database="
                + database
                + ", redisUrl="
                + redisUrl.map(u -> maskPassword(u.toString()))
                + ", s3="
                + s3
                + ", smtp="
                + smtp
                + ", scoringUrl="
                + scoringUrl
                + ", jwtSecret="
                + jwtSecret
                + ", bootstrapAdmin="
                + bootstrapAdmin
                + ", jwtAcceptedSecrets="
                + jwtAcceptedSecrets
                + "]";
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
        Optional<String> totpSecret = r.text("RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET");
        if (totpSecret.isPresent() && Totp.decodeSecret(totpSecret.get()).isEmpty()) {
            r.problem(
                    "RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET must be Base32 (RFC 4648) holding at"
                            + " least 128 bits, e.g. 32 characters A-Z and 2-7");
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
                ? Optional.of(
                        new BootstrapAdmin(
                                email.get(),
                                new Secret(password.get()),
                                totpSecret.map(Secret::new)))
                : Optional.empty();
    }
}
