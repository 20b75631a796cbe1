package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.app.cli.RamsetuCommand;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.SelfSignedCertificates;
import org.ramsetu.platform.api.ContractCheck;

/**
 * HTTPS between the targets, from PEM files (RAMSETU_TLS_*): the scoring target serves its port
 * over TLS only, picks up a renewed certificate without a restart, and an api calls it over HTTPS
 * trusting only the deployment's own certificate, with its service token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsIntegrationTest {

    private static final String SECRET = "tls-integration-test-secret-0123456789abcdef";

    @TempDir static Path dir;
    private static Certificate first;
    private static EmbeddedPostgresServer db;
    private static RunningRamsetu scoring;
    private static RunningRamsetu api;

    @BeforeAll
    static void startScoringOverTlsAndAnApiTrustingIt() throws Exception {
        first = SelfSignedCertificates.forLocalhost("first", dir.resolve("first"));
        Files.copy(dir.resolve("first.crt"), dir.resolve("tls.crt"));
        Files.copy(dir.resolve("first.key"), dir.resolve("tls.key"));
        scoring =
                RamsetuLauncher.start(
                        Target.SCORING,
                        RamsetuSettings.fromEnvironment(
                                Map.of(
                                        "RAMSETU_DATA_DIR", dir.resolve("scoring").toString(),
                                        "RAMSETU_JWT_SECRET", SECRET,
                                        "RAMSETU_TLS_CERTIFICATE",
                                                dir.resolve("tls.crt").toString(),
                                        "RAMSETU_TLS_PRIVATE_KEY",
                                                dir.resolve("tls.key").toString())),
                        OptionalInt.of(0));
        db = EmbeddedPostgresServer.start(dir.resolve("db"));
        api =
                RamsetuLauncher.start(
                        Target.API,
                        RamsetuSettings.fromEnvironment(
                                Map.of(
                                        "RAMSETU_DATA_DIR", dir.resolve("api").toString(),
                                        "RAMSETU_DB_URL", db.jdbcUrl(),
                                        "RAMSETU_DB_USER", db.username(),
                                        "RAMSETU_DB_PASSWORD", db.password(),
                                        "RAMSETU_JWT_SECRET", SECRET,
                                        "RAMSETU_SCORING_URL",
                                                "https://localhost:" + scoring.port(),
                                        "RAMSETU_TLS_TRUSTED_CERTIFICATES",
                                                dir.resolve("first.crt").toString(),
                                        "RAMSETU_TLS_CERTIFICATE",
                                                dir.resolve("tls.crt").toString(),
                                        "RAMSETU_TLS_PRIVATE_KEY",
                                                dir.resolve("tls.key").toString())),
                        OptionalInt.of(0));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(api, scoring, db);
    }

    @Test
    @Order(1)
    void theScoringTargetServesHttpsOnlyWithHsts() throws Exception {
        HttpResponse<String> ready =
                ContractCheck.send(
                        trusting(first),
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "https://localhost:"
                                                        + scoring.port()
                                                        + "/v1/models"))
                                .build(),
                        null);
        assertThat(ready.statusCode()).as("anonymous: refused, over TLS").isEqualTo(401);
        assertThat(ready.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age="));

        HttpResponse<String> plain =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:"
                                                                + scoring.port()
                                                                + "/actuator/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).as("plain HTTP on the TLS port").isEqualTo(400);

        assertThatThrownBy(
                        () ->
                                HttpClient.newHttpClient()
                                        .send(
                                                HttpRequest.newBuilder(
                                                                URI.create(
                                                                        "https://localhost:"
                                                                                + scoring.port()
                                                                                + "/actuator/health"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.ofString()))
                .as("a certificate the JDK does not trust")
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    @Order(2)
    void theApiCallsScoringOverHttpsTrustingOnlyTheDeploymentsCertificate() {
        ScoringClient client = api.context().getBean(ScoringClient.class);

        // A failed handshake would throw (the scorer unavailable); the scorer has no models.
        assertThat(client.models())
                .as("answered over HTTPS, with the api's service token, by a scorer without models")
                .isEmpty();
    }

    @Test
    @Order(2)
    void theSmokeTestReachesAnHttpsApiThroughTheDeploymentsCaAndNamesTheFailureWithoutIt()
            throws Exception {
        String url = "https://localhost:" + api.port();
        // The smoke test asks for readiness once, as after a rollout; here it is about TLS, so the
        // api first finishes starting (its migrations check turns UP within a second or two).
        HttpClient trustingClient = trusting(first);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (trustingClient
                                .send(
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                url + "/actuator/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        != 200
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int trusting =
                RamsetuCommand.commandLine(new PrintWriter(out), new PrintWriter(err), Map.of())
                        .execute(
                                "smoke",
                                "--url",
                                url,
                                "--ca-file",
                                dir.resolve("first.crt").toString());

        assertThat(trusting).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("ok    readiness " + url).contains("ok    sign-up");

        StringWriter refused = new StringWriter();
        int withTheJdksCas =
                RamsetuCommand.commandLine(
                                new PrintWriter(new StringWriter()),
                                new PrintWriter(refused),
                                Map.of())
                        .execute("smoke", "--url", url);

        assertThat(withTheJdksCas).isEqualTo(1);
        assertThat(refused.toString())
                .startsWith("FAIL  readiness " + url + ": TLS with " + url)
                .contains("--ca-file");
    }

    /** Last: the others trust only the first certificate. */
    @Test
    @Order(3)
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        Certificate renewed =
                SelfSignedCertificates.forLocalhost("renewed", dir.resolve("renewed"));
        // The key first, then the certificate, each replaced in one step: the watcher waits for
        // the files to be quiet before it reloads.
        Files.copy(
                dir.resolve("renewed.key"),
                dir.resolve("tls.key"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                dir.resolve("renewed.crt"),
                dir.resolve("tls.crt"),
                StandardCopyOption.REPLACE_EXISTING);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Certificate served = servedCertificate(first, renewed);
        while (!served.equals(renewed) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            served = servedCertificate(first, renewed);
        }
        assertThat(served).isEqualTo(renewed);
    }

    /** The certificate the scoring port presents (read by a client trusting both). */
    private static Certificate servedCertificate(Certificate... trusted) throws Exception {
        try (Socket raw = new Socket("localhost", scoring.port());
                SSLSocket tls =
                        (SSLSocket)
                                context(trusted)
                                        .getSocketFactory()
                                        .createSocket(raw, "localhost", scoring.port(), true)) {
            tls.startHandshake();
            return tls.getSession().getPeerCertificates()[0];
        }
    }

    private static HttpClient trusting(Certificate... certificates) throws Exception {
        return HttpClient.newBuilder()
                .sslContext(context(certificates))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static SSLContext context(Certificate... certificates) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            trust.setCertificateEntry("c" + i, certificates[i]);
        }
        TrustManagerFactory factory =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
