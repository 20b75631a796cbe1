package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ramsetu.platform.api.ApiClient;
import org.ramsetu.platform.api.PlatformInstance;

/**
 * The web application as the {@code all} target serves it: {@code index.html} for the app's own
 * routes (bookmarks, reloads), hashed assets cached for a year, the runtime configuration, the CSP
 * on every page; the API and operations paths unaffected.
 */
class WebAppServingIntegrationTest {

    @Test
    void clientSideRoutesAnswerTheAppWithItsSecurityPolicy() {
        for (String route : new String[] {"/", "/donor/pledge", "/coordinator/runs/abc"}) {
            var page = html(route);
            assertThat(page.status()).as(route).isEqualTo(200);
            assertThat(page.body()).contains("<div id=\"root\"></div>");
            assertThat(page.header("Content-Security-Policy"))
                    .contains("script-src 'self'")
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void theAppScriptsAreSameOriginFilesWithNoInlineScript() {
        String index = html("/").body();
        assertThat(index).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        String script = index.replaceAll("(?s).*<script[^>]*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        var asset = PlatformInstance.client().get(script);
        assertThat(asset.status()).as(script).isEqualTo(200);
        assertThat(asset.header("Cache-Control"))
                .contains("max-age=31536000")
                .contains("immutable");
    }

    @Test
    void theRuntimeConfigurationDefaultsToTheSameOrigin() {
        var config = PlatformInstance.client().get("/config.json");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().path("apiBaseUrl").asString()).isEmpty();
    }

    @Test
    void apiAndOperationsPathsAreNotTheApp() {
        var api = html("/api/v1/no-such-thing");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("Content-Type")).contains("application/problem+json");
        var health = html("/actuator/health/liveness");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        var json = PlatformInstance.client().get("/donor/pledge");
        assertThat(json.body()).doesNotContain("<div id=\"root\">");
    }

    @Test
    void headAnswersForThePagesAsGetDoesAndTheApiStillAsksForAToken() {
        var html =
                PlatformInstance.client()
                        .withHeader("Accept", "text/html")
                        .send("HEAD", "/donor/pledge", null);
        assertThat(html.status()).isEqualTo(200);
        assertThat(PlatformInstance.client().send("HEAD", "/", null).status()).isEqualTo(200);
        assertThat(PlatformInstance.client().send("HEAD", "/api/v1/pledges", null).status())
                .isEqualTo(401);
    }

    private static ApiClient.Response html(String path) {
        return PlatformInstance.client()
                .withHeader(
                        "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get(path);
    }
}
