package org.ramsetu.infra.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RamsetuSettingsTest {

    private static final String SECRET = "a-jwt-secret-that-is-long-enough-123456";

    @Test
    void unsetEnvironmentMeansEveryEmbeddedDefault() {
        RamsetuSettings s = RamsetuSettings.fromEnvironment(Map.of());

        assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(s.database()).isEmpty();
        assertThat(s.redisUrl()).isEmpty();
        assertThat(s.s3()).isEmpty();
        assertThat(s.smtp()).isEmpty();
        assertThat(s.scoringUrl()).isEmpty();
        assertThat(s.jwtSecret()).isEmpty();
        assertThat(s.bootstrapAdmin()).isEmpty();
    }

    @Test
    void readsEveryContractSetting() {
        RamsetuSettings s =
                RamsetuSettings.fromEnvironment(
                        Map.ofEntries(
                                Map.entry("RAMSETU_DATA_DIR", "/var/lib/ramsetu"),
                                Map.entry("RAMSETU_DB_URL", "jdbc:postgresql://db:5432/ramsetu"),
                                Map.entry("RAMSETU_DB_USER", "app"),
                                Map.entry("RAMSETU_DB_PASSWORD", "pw"),
                                Map.entry("RAMSETU_REDIS_URL", "redis://cache:6379"),
                                Map.entry("RAMSETU_S3_ENDPOINT", "http://s3:9000"),
                                Map.entry("RAMSETU_S3_BUCKET", "ramsetu-blobs"),
                                Map.entry("RAMSETU_S3_REGION", "ap-south-1"),
                                Map.entry("RAMSETU_SMTP_HOST", "smtp.example"),
                                Map.entry("RAMSETU_SMTP_PORT", "2525"),
                                Map.entry("RAMSETU_SMTP_USER", "mailer"),
                                Map.entry("RAMSETU_SMTP_PASSWORD", "mail-pw"),
                                Map.entry("RAMSETU_SCORING_URL", "http://scoring:8081"),
                                Map.entry("RAMSETU_JWT_SECRET", SECRET),
                                Map.entry("RAMSETU_BOOTSTRAP_ADMIN_EMAIL", "coord@example.org"),
                                Map.entry(
                                        "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD",
                                        "correct horse battery")));

        assertThat(s.dataDir()).isEqualTo(Path.of("/var/lib/ramsetu"));
        assertThat(s.database().orElseThrow().url()).isEqualTo("jdbc:postgresql://db:5432/ramsetu");
        assertThat(s.database().orElseThrow().user()).contains("app");
        assertThat(s.redisUrl().orElseThrow().getHost()).isEqualTo("cache");
        assertThat(s.s3().orElseThrow().bucket()).isEqualTo("ramsetu-blobs");
        assertThat(s.s3().orElseThrow().region()).isEqualTo("ap-south-1");
        assertThat(s.smtp().orElseThrow().port()).isEqualTo(2525);
        assertThat(s.scoringUrl().orElseThrow().getPort()).isEqualTo(8081);
        assertThat(s.jwtSecret().orElseThrow().value()).isEqualTo(SECRET);
        assertThat(s.bootstrapAdmin().orElseThrow().email()).isEqualTo("coord@example.org");
    }

    @Test
    void anOwnerRunsMigrationsAndTheApplicationsRoleIsGrantedToOnlyThen() {
        Map<String, String> base =
                Map.of(
                        "RAMSETU_DB_URL", "jdbc:postgresql://db/ramsetu",
                        "RAMSETU_DB_USER", "ramsetu_app_blue",
                        "RAMSETU_DB_PASSWORD", "pw");
        assertThat(
                        RamsetuSettings.fromEnvironment(base)
                                .database()
                                .orElseThrow()
                                .applicationRoleToGrant())
                .as("one role for both: nothing to grant")
                .isEmpty();

        Map<String, String> split = new HashMap<>(base);
        split.put("RAMSETU_DB_OWNER_USER", "ramsetu");
        split.put("RAMSETU_DB_OWNER_PASSWORD", "owner-pw");
        RamsetuSettings.Database db =
                RamsetuSettings.fromEnvironment(split).database().orElseThrow();
        assertThat(db.owner().orElseThrow().user()).isEqualTo("ramsetu");
        assertThat(db.applicationRoleToGrant()).contains("ramsetu_app_blue");
        split.put("RAMSETU_DB_APP_ROLE", "ramsetu_app");
        assertThat(
                        RamsetuSettings.fromEnvironment(split)
                                .database()
                                .orElseThrow()
                                .applicationRoleToGrant())
                .as("a group role of the rotating logins")
                .contains("ramsetu_app");
        split.put("RAMSETU_DB_APP_ROLE", "ramsetu");
        assertThat(
                        RamsetuSettings.fromEnvironment(split)
                                .database()
                                .orElseThrow()
                                .applicationRoleToGrant())
                .as("the owner itself")
                .isEmpty();
    }

    @Test
    void anOwnerNeedsItsPasswordAndAGrantablePlainRoleName() {
        Map<String, String> env = new HashMap<>();
        env.put("RAMSETU_DB_URL", "jdbc:postgresql://db/ramsetu");
        env.put("RAMSETU_DB_OWNER_USER", "ramsetu");
        env.put("RAMSETU_DB_APP_ROLE", "app; drop table account");
        assertRefused(env)
                .contains(
                        "RAMSETU_DB_OWNER_USER is set but"
                                + " RAMSETU_DB_OWNER_PASSWORD is not; set"
                                + " both or neither")
                .anyMatch(p -> p.startsWith("RAMSETU_DB_APP_ROLE (or"));
    }

    @Test
    void tlsNeedsCertificateAndKeyAsReadableFiles(@TempDir Path dir) throws Exception {
        Path certificate = Files.writeString(dir.resolve("tls.crt"), "pem");
        assertThat(RamsetuSettings.fromEnvironment(Map.of()).tls().serves()).isFalse();
        RamsetuSettings.Tls tls =
                RamsetuSettings.fromEnvironment(
                                Map.of(
                                        "RAMSETU_TLS_CERTIFICATE", certificate.toString(),
                                        "RAMSETU_TLS_PRIVATE_KEY", certificate.toString()))
                        .tls();
        assertThat(tls.serves()).isTrue();
        assertThat(tls.trusted()).isEmpty();

        assertRefused(
                        Map.of(
                                "RAMSETU_TLS_CERTIFICATE", certificate.toString(),
                                "RAMSETU_TLS_TRUSTED_CERTIFICATES",
                                        dir.resolve("missing.crt").toString()))
                .contains(
                        "RAMSETU_TLS_CERTIFICATE is set but"
                                + " RAMSETU_TLS_PRIVATE_KEY is not; set both"
                                + " or neither")
                .anyMatch(p -> p.startsWith("RAMSETU_TLS_TRUSTED_CERTIFICATES names"));
    }

    @Test
    void secretsNeverAppearInToString() {
        RamsetuSettings s =
                RamsetuSettings.fromEnvironment(
                        Map.of(
                                "RAMSETU_DB_URL", "jdbc:postgresql://db/ramsetu",
                                "RAMSETU_DB_PASSWORD", "db-password-value",
                                "RAMSETU_JWT_SECRET", SECRET));

        assertThat(s.toString()).doesNotContain("db-password-value").doesNotContain(SECRET);
    }

    @Test
    void reportsEveryProblemAtOnceNamingTheVariable() {
        assertRefused(
                        Map.of(
                                "RAMSETU_DB_URL", "mongodb://db",
                                "RAMSETU_REDIS_URL", "http://cache",
                                "RAMSETU_SMTP_PORT", "70000",
                                "RAMSETU_JWT_SECRET", "short"))
                .anyMatch(p -> p.startsWith("RAMSETU_DB_URL must be"))
                .anyMatch(p -> p.startsWith("RAMSETU_REDIS_URL must be"))
                .anyMatch(p -> p.startsWith("RAMSETU_SMTP_PORT"))
                .anyMatch(p -> p.startsWith("RAMSETU_JWT_SECRET must be"));
    }

    @Test
    void dependentSettingWithoutItsAnchorIsAnError() {
        assertRefused(
                        Map.of(
                                "RAMSETU_DB_USER", "app",
                                "RAMSETU_S3_ENDPOINT", "http://s3:9000",
                                "RAMSETU_BOOTSTRAP_ADMIN_EMAIL", "a@b.org"))
                .contains(
                        "RAMSETU_DB_USER is set but RAMSETU_DB_URL is not;"
                                + " set both or neither",
                        "RAMSETU_S3_ENDPOINT is set but RAMSETU_S3_BUCKET"
                                + " is not; set both or neither",
                        "RAMSETU_BOOTSTRAP_ADMIN_EMAIL is set but"
                                + " RAMSETU_BOOTSTRAP_ADMIN_PASSWORD is not;"
                                + " set both or neither");
    }

    @Test
    void weakBootstrapAdminPasswordIsRejected() {
        assertThatThrownBy(
                        () ->
                                RamsetuSettings.fromEnvironment(
                                        Map.of(
                                                "RAMSETU_BOOTSTRAP_ADMIN_EMAIL",
                                                        "coord@example.org",
                                                "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD", "short")))
                .hasMessageContaining("RAMSETU_BOOTSTRAP_ADMIN_PASSWORD must be at least 12");
    }

    @Test
    void invalidBucketNameIsRejected() {
        assertThatThrownBy(
                        () ->
                                RamsetuSettings.fromEnvironment(
                                        Map.of("RAMSETU_S3_BUCKET", "Bad_Bucket")))
                .hasMessageContaining("RAMSETU_S3_BUCKET must be");
    }

    @Test
    void redisThroughSentinelIsLettucesUrlWithTheMasterAsFragment() {
        RamsetuSettings s =
                RamsetuSettings.fromEnvironment(
                        Map.of(
                                "RAMSETU_REDIS_URL",
                                "redis-sentinel://s3cret@sentinel-1:26379,sentinel-2:26379,"
                                        + "sentinel-3/0#mymaster"));

        URI url = s.redisUrl().orElseThrow();
        assertThat(url.getScheme()).isEqualTo("redis-sentinel");
        assertThat(url.getFragment()).isEqualTo("mymaster");
        assertThat(url.getRawAuthority())
                .isEqualTo("s3cret@sentinel-1:26379,sentinel-2:26379,sentinel-3");
    }

    @Test
    void sentinelUrlWithoutAMasterNameIsRejectedNamingTheVariableButNotThePassword() {
        assertRefused(
                        Map.of(
                                "RAMSETU_REDIS_URL",
                                "redis-sentinel://s3cret@sentinel-1:26379,sentinel-2:26379/0"))
                .singleElement()
                .satisfies(
                        p ->
                                assertThat(p)
                                        .startsWith(
                                                "RAMSETU_REDIS_URL names"
                                                        + " Redis Sentinels"
                                                        + " but no master")
                                        .contains("#<master name>")
                                        .contains("****@sentinel-1")
                                        .doesNotContain("s3cret"));
    }

    @Test
    void sentinelUrlWithAMalformedHostListIsRejected() {
        for (String bad :
                new String[] {
                    "redis-sentinel://sentinel-1:26379,,sentinel-2:26379/0#mymaster",
                    "redis-sentinel://sentinel-1:99999/0#mymaster",
                    "redis-sentinel:///0#mymaster",
                    "redis-sentinel://sentinel-1:26379/zero#mymaster"
                }) {
            assertThatThrownBy(
                            () -> RamsetuSettings.fromEnvironment(Map.of("RAMSETU_REDIS_URL", bad)))
                    .as(bad)
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageStartingWith("RAMSETU_REDIS_URL");
        }
    }

    @Test
    void aPasswordInTheRedisUrlNeverAppearsInToString() {
        RamsetuSettings standalone =
                RamsetuSettings.fromEnvironment(
                        Map.of("RAMSETU_REDIS_URL", "redis://:redis-pw-value@cache:6379"));
        RamsetuSettings sentinel =
                RamsetuSettings.fromEnvironment(
                        Map.of(
                                "RAMSETU_REDIS_URL",
                                "redis-sentinel://redis-pw-value@s1:26379,s2:26379/0#mymaster"));

        assertThat(standalone.toString())
                .doesNotContain("redis-pw-value")
                .contains("redis://:****@cache:6379");
        assertThat(sentinel.toString())
                .doesNotContain("redis-pw-value")
                .contains("redis-sentinel://****@s1:26379,s2:26379/0#mymaster");
    }

    @Test
    void aMultiHostDatabaseUrlIsAccepted() {
        String url = "jdbc:postgresql://h1:5432,h2:5432/ramsetu?targetServerType=primary";

        RamsetuSettings s = RamsetuSettings.fromEnvironment(Map.of("RAMSETU_DB_URL", url));

        assertThat(s.database().orElseThrow().url()).isEqualTo(url);
        assertThat(s.database().orElseThrow().replica()).isEmpty();
    }

    @Test
    void readReplicaUsesThePrimarysCredentialsUnlessItHasItsOwn() {
        Map<String, String> env =
                Map.of(
                        "RAMSETU_DB_URL", "jdbc:postgresql://primary:5432/ramsetu",
                        "RAMSETU_DB_USER", "app",
                        "RAMSETU_DB_PASSWORD", "app-pw",
                        "RAMSETU_DB_READ_URL", "jdbc:postgresql://replica:5432/ramsetu");

        RamsetuSettings.ReadReplica inherited =
                RamsetuSettings.fromEnvironment(env)
                        .database()
                        .orElseThrow()
                        .replica()
                        .orElseThrow();
        Map<String, String> own = new HashMap<>(env);
        own.put("RAMSETU_DB_READ_USER", "reader");
        own.put("RAMSETU_DB_READ_PASSWORD", "reader-pw");
        RamsetuSettings.ReadReplica separate =
                RamsetuSettings.fromEnvironment(own)
                        .database()
                        .orElseThrow()
                        .replica()
                        .orElseThrow();

        assertThat(inherited.url()).isEqualTo("jdbc:postgresql://replica:5432/ramsetu");
        assertThat(inherited.user()).contains("app");
        assertThat(inherited.password().orElseThrow().value()).isEqualTo("app-pw");
        assertThat(separate.user()).contains("reader");
        assertThat(separate.password().orElseThrow().value()).isEqualTo("reader-pw");
        assertThat(RamsetuSettings.fromEnvironment(own).toString())
                .doesNotContain("reader-pw")
                .doesNotContain("app-pw");
    }

    @Test
    void readReplicaSettingsNeedThePrimaryAndAPostgresUrl() {
        assertRefused(
                        Map.of(
                                "RAMSETU_DB_READ_URL",
                                "jdbc:postgresql://replica/ramsetu",
                                "RAMSETU_DB_READ_USER",
                                "reader"))
                .contains(
                        "RAMSETU_DB_READ_URL is set but RAMSETU_DB_URL is"
                                + " not; set both or neither",
                        "RAMSETU_DB_READ_USER is set but RAMSETU_DB_URL is"
                                + " not; set both or neither");
        assertThatThrownBy(
                        () ->
                                RamsetuSettings.fromEnvironment(
                                        Map.of(
                                                "RAMSETU_DB_URL",
                                                "jdbc:postgresql://primary/ramsetu",
                                                "RAMSETU_DB_READ_PASSWORD",
                                                "pw")))
                .hasMessage(
                        "RAMSETU_DB_READ_PASSWORD is set but RAMSETU_DB_READ_URL is not; set both"
                                + " or neither");
        assertThatThrownBy(
                        () ->
                                RamsetuSettings.fromEnvironment(
                                        Map.of(
                                                "RAMSETU_DB_URL",
                                                "jdbc:postgresql://primary/ramsetu",
                                                "RAMSETU_DB_READ_URL",
                                                "postgres://replica/ramsetu")))
                .hasMessageStartingWith("RAMSETU_DB_READ_URL must be a PostgreSQL JDBC URL");
    }

    @Test
    void anySettingMayComeFromAFileAndAFileThatCannotBeReadIsNamed(@TempDir Path dir)
            throws Exception {
        Path secret = Files.writeString(dir.resolve("jwt"), SECRET + "\n");
        Path password = Files.writeString(dir.resolve("db-password"), "from a file");

        RamsetuSettings settings =
                RamsetuSettings.fromEnvironment(
                        Map.of(
                                "RAMSETU_JWT_SECRET_FILE", secret.toString(),
                                "RAMSETU_DB_URL", "jdbc:postgresql://db:5432/ramsetu",
                                "RAMSETU_DB_PASSWORD_FILE", password.toString()));

        assertThat(settings.jwtSecret().orElseThrow().value()).isEqualTo(SECRET);
        assertThat(settings.database().orElseThrow().password().orElseThrow().value())
                .isEqualTo("from a file");
        assertRefused(
                        Map.of(
                                "RAMSETU_JWT_SECRET", SECRET,
                                "RAMSETU_JWT_SECRET_FILE", secret.toString(),
                                "RAMSETU_SMTP_PASSWORD_FILE", dir.resolve("missing").toString()))
                .containsExactlyInAnyOrder(
                        "RAMSETU_JWT_SECRET and RAMSETU_JWT_SECRET_FILE are"
                                + " both set; set one of them",
                        "RAMSETU_SMTP_PASSWORD_FILE names "
                                + dir.resolve("missing")
                                + ", which cannot be read"
                                + " (NoSuchFileException)");
    }

    @Test
    void aLongButGuessableSigningSecretIsRefused() {
        for (String weak :
                new String[] {"x".repeat(64), "changeme-changeme-changeme-changeme-changeme"}) {
            assertRefused(Map.of("RAMSETU_JWT_SECRET", weak))
                    .as(weak)
                    .singleElement()
                    .asString()
                    .startsWith("RAMSETU_JWT_SECRET looks guessable")
                    .doesNotContain(weak);
        }
        assertThat(SecretStrength.estimatedBits("x".repeat(64))).isZero();
        assertThat(
                        SecretStrength.estimatedBits(
                                "Zr3v9NQ1u0pXH6tq2Wc8YbLmEa5dKjF7sGi4hUoVnRyT0wZqPx1C2e3B4a5D6f7g"))
                .isGreaterThan(RamsetuSettings.MIN_SECRET_BITS);
    }

    @Test
    void acceptedSecretsForRotationAreReadCheckedAndNeverPrinted() {
        String next = "the-next-signing-secret-0123456789abcdefXYZ";
        String previous = "the-previous-signing-secret-9876543210zyxwv";

        RamsetuSettings settings =
                RamsetuSettings.fromEnvironment(
                        Map.of(
                                "RAMSETU_JWT_SECRET",
                                SECRET,
                                "RAMSETU_JWT_ACCEPTED_SECRETS",
                                " " + next + "\n" + previous + " "));

        assertThat(settings.jwtAcceptedSecrets())
                .extracting(RamsetuSettings.Secret::value)
                .containsExactly(next, previous);
        assertThat(settings.toString()).doesNotContain(next).doesNotContain(previous);
        assertRefused(Map.of("RAMSETU_JWT_ACCEPTED_SECRETS", next + " short"))
                .anyMatch(p -> p.startsWith("RAMSETU_JWT_ACCEPTED_SECRETS must be at least"))
                .anyMatch(
                        p ->
                                p.startsWith(
                                        "RAMSETU_JWT_ACCEPTED_SECRETS is"
                                                + " set but"
                                                + " RAMSETU_JWT_SECRET is"
                                                + " not"));
    }

    /** Asserts that {@code env} is refused, and returns the problems it was refused for. */
    private static ListAssert<String> assertRefused(Map<String, String> env) {
        try {
            RamsetuSettings.fromEnvironment(env);
        } catch (InvalidSettingsException refused) {
            return assertThat(refused.problems());
        }
        throw new AssertionError("expected the settings to be refused: " + env);
    }
}
