package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ramsetu.infra.scoring.ScoringCredentials;
import org.ramsetu.platform.api.Accounts;
import org.ramsetu.platform.api.ApiClient;
import org.ramsetu.platform.api.BrowserProtections;
import org.ramsetu.platform.api.PlatformInstance;
import org.ramsetu.platform.security.ServiceTokens;
import org.ramsetu.platform.security.TokenKeys;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What the whole product adds around the platform's own security, on the shared {@code all} target:
 * its request log (no token ever reaches it), the model server's API sharing the public port for
 * coordinators only, and the browser protections on the web app's pages. The platform's API tests
 * run without these parts.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductEdgeIntegrationTest {

    @Test
    void aTokenInTheUrlIsNotAcceptedAndTokensNeverReachTheLogs(CapturedOutput output) {
        var donor = Accounts.donor();
        String token = Accounts.newAccessToken(donor);

        var inUrl = PlatformInstance.client().get("/api/v1/me?access_token=" + token);
        var inHeader = donor.client().get("/api/v1/me");

        assertThat(inUrl.status()).isEqualTo(401);
        assertThat(inHeader.status()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain(token.split("\\.")[2]);
        assertThat(output.getAll()).doesNotContain(donor.refreshToken());
    }

    @Test
    void theScoringApiSharingThePublicPortOfAllIsForCoordinatorsOnly() {
        var anonymous = PlatformInstance.client().get("/v1/models");
        var donor = Accounts.donor().client().get("/v1/models");
        var coordinator = Accounts.coordinator().client().get("/v1/models");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(donor.status()).isEqualTo(403);
        assertThat(coordinator.status()).isEqualTo(200);
    }

    @Test
    void aServiceTokenMadeWithTheSameSecretOpensNothingOnAll() {
        String service =
                new ServiceTokens(
                                new TokenKeys(PlatformInstance.jwtSecret()),
                                "api",
                                Clock.systemUTC())
                        .bearerToken()
                        .orElseThrow();
        ApiClient client = PlatformInstance.client().withToken(service);

        assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(client.get("/v1/models").status()).isEqualTo(401);
        assertThat(client.get("/api/v1/admin/audit").status()).isEqualTo(401);
        assertThat(
                        PlatformInstance.client()
                                .withHeader(ScoringCredentials.HEADER, service)
                                .get("/v1/models")
                                .status())
                .as("in its own header")
                .isEqualTo(401);
    }

    @Test
    void theWebAppsPagesCarryTheBrowserProtections() {
        ApiClient client = PlatformInstance.client();
        var page = client.get("/");
        var behindTls = client.withHeader("X-Forwarded-Proto", "https").get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        BrowserProtections.assertCarriedBy(page);
        assertThat(page.header("Strict-Transport-Security")).as("HSTS only over TLS").isNull();
        assertThat(behindTls.header("Strict-Transport-Security")).contains("max-age=");
    }
}
