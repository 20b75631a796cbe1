package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.ramsetu.platform.api.ApiClient;
import org.ramsetu.platform.api.PlatformInstance;
import tools.jackson.databind.JsonNode;

/**
 * Debian's Chromium driven by Playwright for the browser tests (docs/web.md). Never downloads a
 * browser: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} and the system's {@code /usr/bin/chromium}
 * (or {@code RAMSETU_CHROMIUM}). Each person gets their own context (cookies, memory) and their own
 * client address, so rate limits of other tests do not interfere.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM =
            Paths.get(System.getenv().getOrDefault("RAMSETU_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        playwright =
                Playwright.create(
                        new Playwright.CreateOptions()
                                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium =
                playwright
                        .chromium()
                        .launch(
                                new BrowserType.LaunchOptions()
                                        .setExecutablePath(CHROMIUM)
                                        .setHeadless(true)
                                        .setArgs(
                                                List.of(
                                                        "--no-sandbox",
                                                        "--disable-gpu",
                                                        "--disable-dev-shm-usage",
                                                        "--disable-background-networking",
                                                        "--disable-component-update",
                                                        "--disable-sync",
                                                        "--no-first-run")));
    }

    /** Whether the system browser exists (the tests are skipped without it, unless required). */
    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /**
     * Skips the calling test class when there is no system browser, unless {@code
     * RAMSETU_REQUIRE_BROWSER=1} (CI) makes that a failure.
     */
    static void requireOrSkip() {
        if (!"1".equals(System.getenv("RAMSETU_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(available(), "no " + CHROMIUM + ": browser tests skipped");
        }
    }

    static String baseUrl() {
        return "http://localhost:" + PlatformInstance.get().port();
    }

    /** A fresh person at a desktop-sized window. */
    Page person() {
        return person(1280, 900);
    }

    Page person(int width, int height) {
        return person(baseUrl(), width, height);
    }

    /** A fresh person at the product served at {@code baseUrl} (an instance of a test's own). */
    Page person(String baseUrl, int width, int height) {
        BrowserContext context =
                chromium.newContext(
                        new com.microsoft.playwright.Browser.NewContextOptions()
                                .setBaseURL(baseUrl)
                                .setViewportSize(width, height)
                                .setLocale("en-IN")
                                .setExtraHTTPHeaders(
                                        Map.of("X-Forwarded-For", ApiClient.nextAddress())));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** Runs axe-core in the page and fails on serious or critical accessibility violations. */
    static void assertAccessible(Page page) {
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            // Through the DevTools protocol: a <script> tag would be refused by the app's CSP.
            page.evaluate("() => {\n" + axeSource() + "\n}");
        }
        String result =
                (String)
                        page.evaluate(
                                "async () => JSON.stringify((await axe.run(document, {resultTypes:"
                                        + " ['violations']})).violations.filter(v => v.impact"
                                        + " === 'serious' || v.impact === 'critical').map(v =>"
                                        + " ({id: v.id, impact: v.impact, help: v.help, nodes:"
                                        + " v.nodes.slice(0, 3).map(n => n.target.join(' '))})))");
        JsonNode violations = ApiClient.JSON.readTree(result);
        assertThat(violations.size())
                .as("axe-core violations on %s: %s", page.url(), violations)
                .isZero();
    }

    static void screenshot(Page page, String name) {
        screenshot(page, name, true);
    }

    /** The window only: a whole page of a registry's lists would make a photograph of megabytes. */
    static void screenshotOfWindow(Page page, String name) {
        screenshot(page, name, false);
    }

    private static void screenshot(Page page, String name, boolean fullPage) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(
                new Page.ScreenshotOptions()
                        .setPath(SCREENSHOTS.resolve(name + ".png"))
                        .setFullPage(fullPage));
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe/axe.min.js is missing from the test class path (ramsetu-web"
                                + " test-jar; run the web module's npm build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
