package org.ramsetu.app.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.app.cli.RamsetuCommand;
import org.ramsetu.app.launch.RamsetuLauncher;
import org.ramsetu.app.launch.RunningRamsetu;
import org.ramsetu.app.launch.Target;
import org.ramsetu.infra.crypto.AuthenticatorApp;
import org.ramsetu.infra.crypto.Totp;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.TemporaryFolders;
import org.ramsetu.platform.api.ApiClient;
import org.ramsetu.platform.api.SampleFiles;
import org.ramsetu.platform.demo.DemoLoader;

/**
 * A coordinator's day on a registry of the demo's size, in a real browser: an {@code all} target of
 * its own, loaded by {@code ramsetu demo --donors 20000} (about 29,000 pledges and 5,000 patients).
 * {@code -Dramsetu.day.donors=100000} runs the same day on the full demo registry (about 146,000
 * pledges and 25,000 patients; a load of some minutes, so not in CI). The coordinator pages to the
 * end of the waiting list, finds a patient by a part of their name, runs a match for their kidney,
 * approves the 7th candidate with a reason for each one above, and verifies the right one of two
 * documents of the same name. Every page is checked with axe-core.
 */
class CoordinatorDayAtScaleBrowserIntegrationTest {

    private static final String COORDINATOR = "coordinator@day.ramsetu.test";
    private static final String PASSWORD = "day at scale test password";
    private static final String TOTP_SECRET = Totp.newSecret();
    private static final String REPORT = "kidney-report.pdf";
    private static final int DONORS = Integer.getInteger("ramsetu.day.donors", 20_000);
    private static final Pattern COUNT = Pattern.compile("([\\d,]+)–([\\d,]+) of ([\\d,]+)");

    private static Browser browser;
    private static Path dataDir;
    private static RunningRamsetu ramsetu;

    @BeforeAll
    static void start() {
        Browser.requireOrSkip();
        dataDir = TemporaryFolders.create("ramsetu-day-at-scale");
        ramsetu =
                RamsetuLauncher.start(
                        Target.ALL,
                        RamsetuSettings.fromEnvironment(
                                Map.of(
                                        "RAMSETU_DATA_DIR", dataDir.toString(),
                                        "RAMSETU_BOOTSTRAP_ADMIN_EMAIL", COORDINATOR,
                                        "RAMSETU_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD,
                                        "RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET", TOTP_SECRET)),
                        OptionalInt.of(0),
                        "--server.forward-headers-strategy=native");
        // As an operator would: the demo against the running target's database, after the
        // coordinator exists, so that centres, cases and offers are loaded too.
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                RamsetuCommand.commandLine(
                                new PrintWriter(out, true),
                                new PrintWriter(err, true),
                                Map.of("RAMSETU_DATA_DIR", dataDir.toString()))
                        .execute("demo", "--donors", Integer.toString(DONORS));
        Assertions.assertThat(exit).as(out + "\n" + err).isZero();
        Assertions.assertThat(out.toString())
                .contains(String.format(java.util.Locale.ROOT, "Added %,d donors", DONORS));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (ramsetu != null) {
            ramsetu.close();
        }
        if (dataDir != null) {
            TemporaryFolders.delete(dataDir);
        }
    }

    @Test
    void aCoordinatorWorksThroughTheDayOnARegistryOfTheDemosSize() {
        String[] documents = {upload(DemoLoader.donorEmail(1)), upload(DemoLoader.donorEmail(2))};
        Page coordinator = signedInCoordinator();

        // The waiting list, to its last page: the longest-waiting patients are reachable.
        coordinator.navigate("/coordinator/requests");
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Waiting list");
        Locator count = coordinator.locator(".pager .count").first();
        assertThat(count).containsText("1–50 of");
        long waiting = range(count)[2];
        Assertions.assertThat(waiting).as("the demo's waiting list").isGreaterThan(2_000);
        long pages = (waiting + 49) / 50;
        Locator firstCard = coordinator.locator("li.request-card").first();
        String first = firstCard.getAttribute("data-request");
        // A second click on "Next page" before the next page has loaded (on a slow line: each
        // request held a second here) moves one page, not two.
        coordinator.evaluate(
                "() => { const direct = window.fetch; window.directFetch = direct;"
                        + " window.fetch = (...a) => new Promise(r => setTimeout(r, 1000))"
                        + ".then(() => direct(...a)); }");
        Locator next =
                coordinator
                        .getByRole(
                                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next page"))
                        .first();
        next.click();
        next.click();
        assertThat(firstCard).not().hasAttribute("data-request", first);
        coordinator.evaluate("() => { window.fetch = window.directFetch; }");
        assertThat(count).containsText("51–100 of");
        for (long page = 3; page <= pages; page++) {
            String shown = firstCard.getAttribute("data-request");
            coordinator
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next page"))
                    .first()
                    .click();
            // The next page is there once its rows are (the count changes with the click).
            assertThat(firstCard).not().hasAttribute("data-request", shown);
            assertThat(count)
                    .containsText(
                            String.format(java.util.Locale.ROOT, "%,d–", (page - 1) * 50 + 1));
        }
        Assertions.assertThat(range(count)).containsExactly((pages - 1) * 50 + 1, waiting, waiting);
        assertThat(
                        coordinator.getByRole(
                                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next page")))
                .hasCount(0);
        Browser.assertAccessible(coordinator);
        Browser.screenshotOfWindow(coordinator, "coordinator-waiting-list-last-page");

        // A kidney patient of the last page, found again by a part of their name.
        Locator kidney =
                coordinator
                        .locator("li.request-card")
                        .filter(new Locator.FilterOptions().setHasText("Kidney"))
                        .first();
        String requestId = kidney.getAttribute("data-request");
        String name = kidney.locator("h3 a").innerText().strip();
        String part = name.substring(1, name.length() - 1).toLowerCase(java.util.Locale.ROOT);
        coordinator.getByLabel("Patient", new Page.GetByLabelOptions().setExact(true)).fill(part);
        // Found on the list's first page: the search narrows thousands to a few.
        assertThat(count)
                .not()
                .containsText(String.format(java.util.Locale.ROOT, "of %,d", waiting));
        Assertions.assertThat(range(count)[0]).isEqualTo(1);
        Assertions.assertThat(range(count)[2]).isBetween(1L, 50L);
        Locator found = coordinator.locator("li.request-card[data-request='" + requestId + "']");
        assertThat(found).isVisible();
        Assertions.assertThat(coordinator.url()).contains("q=");
        found.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/requests/" + requestId + "$"));
        Browser.assertAccessible(coordinator);

        // A match run for them, and the 7th candidate approved: each one above passed over.
        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run a match"))
                .click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/runs/[0-9a-f-]+$"));
        Locator proposals = coordinator.locator("ul.proposals li");
        assertThat(proposals).hasCount(5);
        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose rank 7"))
                .click();
        Locator propose = coordinator.getByRole(AriaRole.DIALOG);
        assertThat(propose).containsText("Ranks 6 to 7 become proposals too");
        Browser.assertAccessible(coordinator);
        propose.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Propose"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("Proposed down to rank 7.");
        assertThat(proposals).hasCount(7);
        proposals
                .nth(6)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        Locator approve = coordinator.getByRole(AriaRole.DIALOG);
        Locator reasons = approve.locator("[data-passed-over] select");
        assertThat(reasons).hasCount(6);
        for (int i = 0; i < 6; i++) {
            reasons.nth(i).selectOption(i == 0 ? "POSITIVE_CROSSMATCH" : "DONOR_QUALITY");
        }
        Browser.assertAccessible(coordinator);
        Browser.screenshotOfWindow(coordinator, "coordinator-seventh-candidate-reasons");
        approve.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        assertThat(approve).isHidden();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("Match approved");
        coordinator.reload();
        for (int i = 0; i < 6; i++) {
            assertThat(proposals.nth(i)).containsText("Declined");
        }
        assertThat(proposals.nth(6)).containsText("Approved");

        // Two files of one name: the right one (donor 2's) is verified, the other stays queued.
        coordinator.navigate("/coordinator");
        coordinator.getByLabel("Search documents").fill(REPORT);
        Locator rows = coordinator.locator("tr[data-document]");
        assertThat(rows).hasCount(2);
        Locator right = coordinator.locator("tr[data-document='" + documents[1] + "']");
        assertThat(right).containsText(DemoLoader.donorEmail(2));
        right.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verify")).click();
        Locator confirm = coordinator.getByRole(AriaRole.DIALOG);
        assertThat(confirm).containsText(REPORT);
        assertThat(confirm).containsText(DemoLoader.donorEmail(2));
        Browser.assertAccessible(coordinator);
        confirm.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Verify the document"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.STATUS).first())
                .containsText(REPORT + " verified.");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-document", documents[0]);
        Browser.screenshotOfWindow(coordinator, "coordinator-right-document-verified");
        Assertions.assertThat(documentStatus(DemoLoader.donorEmail(2), documents[1]))
                .isEqualTo("VERIFIED");
        Assertions.assertThat(documentStatus(DemoLoader.donorEmail(1), documents[0]))
                .isEqualTo("PENDING");
    }

    /** The coordinator, signed in with the second factor, at the console. */
    private static Page signedInCoordinator() {
        Page page = browser.person("http://localhost:" + ramsetu.port(), 1366, 900);
        page.navigate("/login");
        page.getByLabel("E-mail address").fill(COORDINATOR);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.getByLabel("Code from your authenticator app")
                .fill(AuthenticatorApp.nextCode(TOTP_SECRET));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
        assertThat(page).hasURL(Pattern.compile("/coordinator$"));
        return page;
    }

    /** "51–100 of 4,012" as its three numbers. */
    private static long[] range(Locator count) {
        Matcher m = COUNT.matcher(count.innerText());
        Assertions.assertThat(m.find()).as(count.innerText()).isTrue();
        return new long[] {number(m.group(1)), number(m.group(2)), number(m.group(3))};
    }

    private static long number(String grouped) {
        return Long.parseLong(grouped.replace(",", ""));
    }

    /** A demo donor uploads a report; its id. */
    private static String upload(String email) {
        ApiClient client = signedIn(email);
        var uploaded =
                client.upload("/api/v1/documents", SampleFiles.pdfUpload("MEDICAL_REPORT", REPORT));
        Assertions.assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.text("id");
    }

    private static String documentStatus(String email, String id) {
        return signedIn(email).get("/api/v1/documents/" + id).text("status");
    }

    private static ApiClient signedIn(String email) {
        ApiClient client = new ApiClient(ramsetu.port());
        var login =
                client.post(
                        "/api/v1/auth/login",
                        Map.of("email", email, "password", DemoLoader.DEMO_PASSWORD));
        Assertions.assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return client.withToken(login.json().path("accessToken").asString());
    }
}
