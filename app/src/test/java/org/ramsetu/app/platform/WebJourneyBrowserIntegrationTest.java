package org.ramsetu.app.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.crypto.AuthenticatorApp;
import org.ramsetu.platform.accounts.CoordinatorAccounts;
import org.ramsetu.platform.api.Accounts;
import org.ramsetu.platform.api.Donation;
import org.ramsetu.platform.api.Matching;
import org.ramsetu.platform.api.PlatformInstance;
import org.ramsetu.platform.api.Registry;
import org.ramsetu.platform.api.SampleFiles;

/**
 * The web application in a real browser (Debian's Chromium, headless) against one {@code all}
 * target: the kidney journey of docs/domain.md end to end, and the error paths a person meets.
 * Every portal is checked with axe-core and photographed into {@code target/screenshots/}.
 */
class WebJourneyBrowserIntegrationTest {

    // HLA no other test uses, so that this journey's donor is the best kidney for its patient.
    private static final String[] HLA = {"A11, A68", "B35, B51", "DR7, DR11"};

    private static Browser browser;

    @BeforeAll
    static void start() {
        Browser.requireOrSkip();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void donorAndPatientAreMatchedByACoordinatorAndBothSeeTheResult() {
        Page landing = browser.person();
        landing.navigate("/");
        assertThat(landing.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("bridge");
        Browser.assertAccessible(landing);
        Browser.screenshot(landing, "landing");

        // Donor: sign up from the landing page, code from the mail folder, profile, kidney pledge.
        Page donor = landing;
        String donorEmail = Accounts.newEmail("web-donor");
        signUp(donor, "Donor", donorEmail, "Asha Rao");
        assertThat(donor).hasURL(Pattern.compile("/donor$"));
        donor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fill in my profile"))
                .click();
        fillPerson(donor, "B+", "1985-04-12", "FEMALE", "162.5", "58");
        donor.getByLabel("City", new Page.GetByLabelOptions().setExact(true)).fill("Pune");
        assertThat(donor.getByLabel("State or union territory")).hasValue("Maharashtra");
        fillHla(donor);
        donor.getByLabel("I agree that RamSetu keeps this profile").check();
        Browser.assertAccessible(donor);
        donor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile"))
                .click();
        assertThat(donor).hasURL(Pattern.compile("/donor/pledge$"));

        // Invalid field: 110 mg/dL of creatinine is implausible; the API's message shows inline.
        donor.getByLabel("Organ", new Page.GetByLabelOptions().setExact(true))
                .selectOption("KIDNEY");
        donor.getByLabel("Creatinine", new Page.GetByLabelOptions().setExact(true)).fill("110");
        donor.getByLabel("I give my explicit consent").check();
        donor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pledge")).click();
        Locator creatinine = donor.locator(".field.invalid").first();
        assertThat(creatinine.locator("label")).hasText("Creatinine");
        assertThat(creatinine.locator(".field-error")).not().isEmpty();
        assertThat(donor.getByLabel("Creatinine", new Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("aria-invalid", "true");
        Browser.assertAccessible(donor);
        donor.getByLabel("Unit of Creatinine").selectOption("µmol/L");
        donor.getByLabel("Creatinine", new Page.GetByLabelOptions().setExact(true)).fill("80");
        donor.getByLabel("Renal function").selectOption("NORMAL");
        donor.getByLabel("Imaging").selectOption("NORMAL");
        donor.getByLabel("Cardiac risk").selectOption("GOOD");
        donor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pledge")).click();
        assertThat(donor).hasURL(Pattern.compile("/donor$"));
        Locator pledgeCard = donor.locator(".pledge-card").first();
        assertThat(pledgeCard).containsText("Kidney");
        assertThat(pledgeCard).containsText("Pending");
        String pledgeId = pledgeCard.getAttribute("data-pledge");
        Browser.assertAccessible(donor);
        Browser.screenshot(donor, "donor-portal");

        // The donor uploads the signed consent form for the pledge.
        String consentFile = "consent-" + pledgeId.substring(0, 8) + ".pdf";
        donor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Documents")).click();
        donor.getByLabel("Kind of document").selectOption("CONSENT_FORM");
        donor.getByLabel("Belongs to").selectOption(pledgeId);
        donor.getByLabel("File", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(
                        new FilePayload(
                                consentFile,
                                "application/pdf",
                                SampleFiles.pdf("Consent to donate a kidney")));
        donor.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Upload").setExact(true))
                .click();
        assertThat(
                        donor.getByRole(AriaRole.STATUS)
                                .filter(
                                        new Locator.FilterOptions()
                                                .setHasText(consentFile + " uploaded")))
                .isVisible();
        assertThat(donor.locator("table")).containsText("Awaiting review");
        Browser.assertAccessible(donor);

        // Patient: sign up, profile with HLA and an unacceptable antigen, a liver request at the
        // KEM transplant centre (registered by an administrator).
        String centreId = Registry.centre("KEM Hospital", "Mumbai", "Maharashtra", 19.076, 72.8777);
        Page patient = browser.person();
        patient.navigate("/signup");
        String patientEmail = Accounts.newEmail("web-patient");
        signUp(patient, "Patient", patientEmail, "Ravi Kumar");
        assertThat(patient).hasURL(Pattern.compile("/patient$"));
        patient.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fill in the profile"))
                .click();
        fillPerson(patient, "B+", "1970-01-20", "MALE", "170", "70");
        fillHla(patient);
        patient.getByLabel("Unacceptable antigens").fill("A2");
        patient.getByLabel("Hospital name").fill("KEM Hospital");
        patient.getByLabel("City", new Page.GetByLabelOptions().setExact(true)).fill("Mumbai");
        Browser.assertAccessible(patient);
        patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile"))
                .click();
        assertThat(patient).hasURL(Pattern.compile("/patient/request$"));
        // MELD-Na is computed while the values are typed (the server's value counts).
        patient.getByLabel("Organ", new Page.GetByLabelOptions().setExact(true))
                .selectOption("LIVER");
        patient.getByLabel("Bilirubin", new Page.GetByLabelOptions().setExact(true)).fill("3.2");
        patient.getByLabel("INR", new Page.GetByLabelOptions().setExact(true)).fill("1.8");
        patient.getByLabel("Creatinine", new Page.GetByLabelOptions().setExact(true)).fill("1.4");
        patient.getByLabel("Sodium").fill("130");
        patient.getByLabel("Albumin", new Page.GetByLabelOptions().setExact(true)).fill("2.8");
        assertThat(patient.locator("output[name=meldNa]")).hasText("25");
        Browser.assertAccessible(patient);
        Browser.screenshot(patient, "patient-request-meld");
        patient.getByLabel("Organ", new Page.GetByLabelOptions().setExact(true))
                .selectOption("KIDNEY");
        patient.getByLabel("Urgency").selectOption("3");
        patient.getByLabel("First maintenance dialysis").fill("2023-02-01");
        assertThat(patient.locator("output[name=eptsRaw]"))
                .hasText(Pattern.compile("^-?\\d+\\.\\d\\d$"));
        patient.getByLabel("Transplant centre").selectOption(centreId);
        patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("List the request"))
                .click();
        assertThat(patient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Request listed");
        assertThat(patient.locator(".scores")).containsText("EPTS");
        patient.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My requests"))
                .first()
                .click();
        Locator requestCard = patient.locator(".request-card").first();
        assertThat(requestCard).containsText("Awaiting the centre’s check");
        String requestId = requestCard.getAttribute("data-request");

        // Coordinator: verify the pledge from the queue with the keyboard, run a match, approve.
        Page coordinator = browser.person(1366, 900);
        String coordinatorEmail = Accounts.newEmail("web-coordinator");
        PlatformInstance.get()
                .context()
                .getBean(CoordinatorAccounts.class)
                .create(coordinatorEmail, "Meera Coordinator", Accounts.PASSWORD, "test");
        Registry.assign(coordinatorEmail, centreId); // she works at the patient's centre
        coordinator.navigate("/login");
        logIn(coordinator, coordinatorEmail);
        // First sign-in: the authenticator is set up from the key shown, its code confirms it,
        // and the recovery codes are shown once before the console opens.
        assertThat(
                        coordinator.getByRole(
                                AriaRole.HEADING,
                                new Page.GetByRoleOptions()
                                        .setName("Set up your authenticator app")))
                .isVisible();
        String secret = coordinator.locator("[data-totp-secret]").textContent();
        coordinator
                .getByLabel("Code from your authenticator app")
                .fill(AuthenticatorApp.nextCode(secret));
        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm"))
                .click();
        assertThat(coordinator.locator("ul.recovery-codes li")).hasCount(10);
        Browser.assertAccessible(coordinator);
        coordinator
                .getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("I have kept these codes"))
                .click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator$"));
        Locator row = coordinator.locator("tr[data-pledge='" + pledgeId + "']");
        row.locator("td").first().click();
        assertThat(row).hasAttribute("aria-selected", "true");
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-queues");
        Locator document =
                coordinator
                        .locator("tr")
                        .filter(new Locator.FilterOptions().setHasText(consentFile));
        // two uploads of one name are told apart by who uploaded them, and found by them;
        // verifying asks first
        coordinator.getByLabel("Search documents").fill(donorEmail);
        assertThat(coordinator.locator("tr[data-document]")).hasCount(1);
        assertThat(document).containsText(donorEmail);
        document.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verify"))
                .click();
        Locator confirmDocument = coordinator.locator("dialog[open] p[data-confirm]");
        assertThat(confirmDocument).containsText(consentFile);
        assertThat(confirmDocument).containsText("Asha Rao");
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the document"))
                .click();
        assertThat(document).hasCount(0);
        // The reviewer takes the review back (the wrong file of two), then verifies it again.
        Locator documentDone = statusSaying(coordinator, consentFile + " verified");
        documentDone
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))
                .click();
        assertThat(statusSaying(coordinator, "Review of " + consentFile + " undone")).isVisible();
        assertThat(document).hasCount(1);
        // Rejecting asks why: without a reason it is refused at the reason field (and not repeated
        // in the alert), with one the document is rejected; the reviewer takes that back too.
        document.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject"))
                .click();
        Locator rejectDocument = coordinator.locator("dialog[open]");
        assertThat(rejectDocument).containsText("Reject this document");
        Locator rejectButton =
                rejectDocument.getByRole(
                        AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject"));
        assertThat(rejectButton).hasClass("danger");
        rejectButton.click();
        assertThat(rejectDocument.getByLabel("Reason")).hasAttribute("aria-invalid", "true");
        assertThat(rejectDocument.getByRole(AriaRole.ALERT)).isVisible();
        assertThat(rejectDocument.locator("[role=alert] code")).hasCount(0);
        Browser.assertAccessible(coordinator);
        assertThat(document).hasCount(1);
        rejectDocument.getByLabel("Reason").fill("The signature is missing");
        rejectButton.click();
        assertThat(document).hasCount(0);
        statusSaying(coordinator, consentFile + " rejected")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))
                .click();
        assertThat(document).hasCount(1);
        document.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verify"))
                .click();
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the document"))
                .click();
        assertThat(document).hasCount(0);
        row.locator("td").first().click();
        // "v" only asks: the pledge stays pending until the coordinator confirms what it is
        coordinator.keyboard().press("v");
        Locator confirm = coordinator.locator("[data-confirm='" + pledgeId + "']");
        assertThat(confirm).containsText("Kidney pledge of a");
        Browser.assertAccessible(coordinator);
        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel"))
                .click();
        assertThat(confirm).isHidden();
        assertThat(row).hasCount(1);
        coordinator.keyboard().press("v");
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the pledge"))
                .click();
        assertThat(statusSaying(coordinator, "Kidney pledge verified")).isVisible();
        assertThat(row).hasCount(0);
        // Undo is offered to the coordinator who verified: the pledge is pending again, then
        // verified once more through the same confirmation.
        statusSaying(coordinator, "Kidney pledge verified")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))
                .click();
        assertThat(statusSaying(coordinator, "Verification of the Kidney pledge undone"))
                .isVisible();
        assertThat(row).hasCount(1);
        Browser.assertAccessible(coordinator);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verify")).click();
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the pledge"))
                .click();
        assertThat(row).hasCount(0);

        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Waiting list"))
                .click();
        // The patient's centre checks the pending listing and sets its urgency with evidence.
        coordinator
                .getByLabel("Status", new Page.GetByLabelOptions().setExact(true))
                .selectOption("PENDING_VERIFICATION");
        coordinator
                .locator("[data-request='" + requestId + "']")
                .getByRole(
                        AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check and verify"))
                .click();
        Locator check = coordinator.getByRole(AriaRole.DIALOG);
        assertThat(check).containsText("urgency asked 3");
        check.getByLabel("Urgency set by the centre").selectOption("4");
        check.getByLabel("What the urgency rests on")
                .fill("MELD labs of 2026-12-01 checked against the referral letter");
        Browser.assertAccessible(coordinator);
        check.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Verify the listing"))
                .click();
        assertThat(statusSaying(coordinator, "listing verified")).isVisible();
        coordinator
                .getByLabel("Status", new Page.GetByLabelOptions().setExact(true))
                .selectOption("WAITING");
        // Found by a part of her name, as the server searches (issue 21).
        coordinator
                .getByLabel("Patient", new Page.GetByLabelOptions().setExact(true))
                .fill("vi kum");
        assertThat(coordinator.locator(".request-card")).hasCount(1);
        assertThat(coordinator.locator(".request-card")).containsText("Ravi Kumar");
        coordinator
                .locator("[data-request='" + requestId + "']")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run a match"))
                .click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/runs/[0-9a-f-]+$"));
        assertThat(coordinator.locator("table.candidates")).containsText(pledgeId.substring(0, 8));
        // The score as the coordinator reads it; the patient is shown the very same (issue 21).
        Locator candidate =
                coordinator
                        .locator("table.candidates tbody tr")
                        .filter(new Locator.FilterOptions().setHasText(pledgeId.substring(0, 8)));
        String score = candidate.locator("td").nth(6).innerText().strip();
        Assertions.assertThat(score).endsWith("%");
        // Who the donor is, clinically, beside the pledge id (issue 21).
        assertThat(candidate.locator("td").nth(2)).containsText(" years · ");
        assertThat(candidate.locator("td").nth(3)).containsText(" cm · ");
        assertThat(coordinator.locator("figure.chart svg")).isVisible();
        Locator proposal =
                coordinator
                        .locator(".proposals li")
                        .filter(new Locator.FilterOptions().setHasText(pledgeId.substring(0, 8)));
        assertThat(proposal).containsText("Proposed");
        assertThat(proposal).containsText(" years · ");
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-match-run");
        proposal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        Locator dialog = coordinator.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        Browser.assertAccessible(coordinator);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        assertThat(coordinator.getByText("Match approved.")).isVisible();
        assertThat(proposal).containsText("Approved");

        // Records open from their rows (issue 21): the pledge from the run, the request from the
        // waiting list, each with its matches and its history.
        proposal.getByRole(AriaRole.LINK).click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/pledges/" + pledgeId + "$"));
        assertThat(coordinator.locator("h1")).containsText("Donated");
        assertThat(coordinator.locator("table tbody tr").first()).containsText("Approved");
        assertThat(coordinator.locator("ol.history li").first()).isVisible();
        Browser.assertAccessible(coordinator);
        // The donor's own record from the pledge's: every pledge of theirs, each opening its
        // record.
        coordinator.locator("a[href^='/coordinator/donors/']").click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/donors/[0-9a-f-]+$"));
        assertThat(coordinator.locator("h1")).containsText("· donor");
        assertThat(coordinator.locator("[data-pledge='" + pledgeId + "']")).containsText("Donated");
        Browser.assertAccessible(coordinator);
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Waiting list"))
                .click();
        coordinator
                .getByLabel("Status", new Page.GetByLabelOptions().setExact(true))
                .selectOption("");
        coordinator
                .getByLabel("Patient", new Page.GetByLabelOptions().setExact(true))
                .fill("vi kum");
        coordinator.getByLabel("Order").selectOption("urgency");
        // The list's filters and order live in the address: a reload shows the same list.
        assertThat(coordinator).hasURL(Pattern.compile("[?&]q=vi(\\+|%20)kum"));
        assertThat(coordinator).hasURL(Pattern.compile("[?&]sort=urgency"));
        coordinator.reload();
        assertThat(coordinator.getByLabel("Patient", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("vi kum");
        assertThat(coordinator.getByLabel("Order")).hasValue("urgency");
        assertThat(coordinator.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("");
        coordinator
                .locator("[data-request='" + requestId + "']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ravi Kumar"))
                .click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/requests/" + requestId + "$"));
        assertThat(coordinator.locator("h1")).containsText("Ravi Kumar");
        assertThat(coordinator.locator("h1")).containsText("Matched");
        assertThat(coordinator.locator("table tbody tr").first()).containsText("Approved");
        assertThat(coordinator.locator("tr[data-run]").first())
                .containsText("started by a coordinator");
        assertThat(coordinator.locator("ol.history li").first()).isVisible();
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-request-record");
        // The patient's own record from the request's, and back.
        coordinator.locator("a[href^='/coordinator/patients/']").click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/patients/[0-9a-f-]+$"));
        assertThat(coordinator.locator("h1")).containsText("Ravi Kumar");
        assertThat(coordinator.locator("[data-request='" + requestId + "']"))
                .containsText("Matched");
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-patient-record");
        coordinator.goBack();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/requests/" + requestId + "$"));
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open run"))
                .first()
                .click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/runs/[0-9a-f-]+$"));

        // The matches list finds the match by a part of either party's name, counted; its row
        // opens the match's record, which links the parties, the request, the pledge and the run.
        coordinator
                .getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Matches").setExact(true))
                .click();
        coordinator
                .getByLabel("Status", new Page.GetByLabelOptions().setExact(true))
                .selectOption("");
        coordinator.getByLabel("Patient or donor").fill("ravi kum");
        assertThat(coordinator).hasURL(Pattern.compile("[?&]q=ravi(\\+|%20)kum"));
        assertThat(coordinator.locator(".pager .count").first()).containsText(" of ");
        Locator approvedMatch =
                coordinator
                        .locator("table tbody tr[data-request='" + requestId + "']")
                        .filter(new Locator.FilterOptions().setHasText("Approved"));
        approvedMatch
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ravi Kumar"))
                .click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/matches/[0-9a-f-]+$"));
        assertThat(coordinator.locator("h1")).containsText("Ravi Kumar");
        assertThat(coordinator.locator("h1")).containsText("Approved");
        assertThat(coordinator.locator("a[href='/coordinator/pledges/" + pledgeId + "']"))
                .isVisible();
        assertThat(coordinator.locator("a[href='/coordinator/requests/" + requestId + "']"))
                .isVisible();
        assertThat(coordinator.locator("ol.history li").first()).isVisible();
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-match-record");

        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard"))
                .click();
        assertThat(coordinator.locator("figure.chart").first()).isVisible();
        assertThat(coordinator.locator("figure.chart")).hasCount(5);
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-dashboard");

        // Re-ranking after a model change: start a batch for kidneys and see it listed with its
        // progress; then the reports page (monthly reports, large exports).
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Re-ranking"))
                .click();
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Re-rank open runs"))
                .click();
        assertThat(coordinator.locator("table tbody tr").first()).containsText("Kidney");
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-reprocessing");
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .isVisible();
        Browser.assertAccessible(coordinator);

        // Directory search and CSV export (a download through fetch: no token in a link).
        coordinator
                .getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("Directory and exports"))
                .click();
        coordinator
                .getByLabel("Search", new Page.GetByLabelOptions().setExact(true))
                .fill(donorEmail);
        assertThat(coordinator.locator("table")).containsText("Asha Rao");
        Browser.assertAccessible(coordinator);
        Download csv =
                coordinator.waitForDownload(
                        () ->
                                coordinator
                                        .getByRole(
                                                AriaRole.BUTTON,
                                                new Page.GetByRoleOptions()
                                                        .setName("Export this list as CSV"))
                                        .click());
        Assertions.assertThat(csv.suggestedFilename())
                .startsWith("ramsetu-donors-")
                .endsWith(".csv");
        try {
            Assertions.assertThat(java.nio.file.Files.readString(csv.path())).contains(donorEmail);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Each row opens the person's record.
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Asha Rao"))
                .click();
        assertThat(coordinator.locator("h1")).containsText("Asha Rao · donor");
        assertThat(coordinator.locator("dl.facts")).containsText(donorEmail);
        assertThat(coordinator.locator("[data-pledge='" + pledgeId + "']")).isVisible();

        // The approval is in the audit log.
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log"))
                .click();
        coordinator
                .getByLabel("Action", new Page.GetByLabelOptions().setExact(true))
                .fill("MATCH_APPROVED");
        assertThat(coordinator.locator("table.audit")).containsText("MATCH_APPROVED");
        Browser.assertAccessible(coordinator);

        // Both parties see the result, and neither learns who the other is.
        donor.navigate("/donor"); // a fresh page load: the session is restored from the cookie
        assertThat(donor.locator(".pledge-card").first()).containsText("Donated");
        // Pledged, verified, donated: the verification stays in the timeline.
        assertThat(donor.locator(".pledge-card").first().locator(".timeline li.done")).hasCount(3);
        assertThat(donor.locator(".match-card")).containsText("confidential");
        assertThat(donor.locator(".match-card")).not().containsText("Ravi Kumar");
        patient.reload();
        Locator match = patient.locator(".match-card[data-match-status=APPROVED]");
        assertThat(match).containsText("confidential");
        assertThat(match).containsText(score);
        assertThat(match).not().containsText(donorEmail);
        assertThat(match).not().containsText("Asha Rao");
        Browser.assertAccessible(patient);
        Browser.screenshot(patient, "patient-portal");
    }

    /**
     * Issue 10 in the console: a coordinator allocates a verified kidney to the waiting list (the
     * zero-mismatch request first, explained, under the recorded policy version), is told why a
     * pledge that is no longer verified cannot be allocated, and compares the policy versions in a
     * small simulation.
     */
    @Test
    void aCoordinatorAllocatesAVerifiedKidneyAndComparesPoliciesInASimulation() {
        // A typing no other test uses: only this scenario's patient is a zero-mismatch recipient.
        List<String> typing = List.of("A29", "A30", "B49", "B62", "DR9", "DR10");
        Accounts.SignedIn setup = Accounts.coordinator();
        Matching.Place at = Matching.place();
        var donor = Matching.donor(at, "A+", typing);
        String pledge = Matching.verifiedPledge(donor, Registry.kidneyPledge(), setup);
        String withdrawn = Matching.verifiedPledge(donor, Registry.corneaPledge(), setup);
        var zero = Matching.patient(at, "A+", typing, List.of());
        String zeroRequest = Matching.requestId(zero, Registry.kidneyRequest("2024-01-01"));
        var mismatched =
                Matching.patient(
                        at, "A+", List.of("A3", "A11", "B7", "B35", "DR7", "DR11"), List.of());
        String mismatchedRequest =
                Matching.requestId(mismatched, Registry.kidneyRequest("2015-01-01"));
        var groupO = Matching.patient(at, "O+", typing, List.of());
        String groupORequest = Matching.requestId(groupO, Registry.kidneyRequest(null));

        Page coordinator = signedIn(setup);
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verified pledges"))
                .click();
        coordinator.getByLabel("City", new Page.GetByLabelOptions().setExact(true)).fill(at.city());
        Locator pledgeRow = coordinator.locator("tr[data-pledge='" + pledge + "']");
        Locator withdrawnRow = coordinator.locator("tr[data-pledge='" + withdrawn + "']");
        assertThat(withdrawnRow).isVisible();
        Browser.assertAccessible(coordinator);

        // The donor withdraws the cornea while it is on the coordinator's screen: 409, shown.
        var read = donor.client().get("/api/v1/pledges/" + withdrawn);
        var withdrawal =
                donor.client()
                        .post(
                                "/api/v1/pledges/" + withdrawn + "/withdraw",
                                Map.of("version", read.json().path("version").asInt()));
        Assertions.assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);
        withdrawnRow
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Allocate this organ"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.ALERT)).containsText("VERIFIED");
        // still on the list, its filter kept in the address
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/pledges\\?city=[^/]+$"));
        assertThat(withdrawnRow).hasCount(0);

        pledgeRow
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Allocate this organ"))
                .click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/allocation-runs/[0-9a-f-]+$"));
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Allocation run");
        assertThat(coordinator.locator("[data-policy]"))
                .hasAttribute("data-policy", "allocation/ramsetu-2026-1");
        assertThat(coordinator.locator("[data-policy]")).containsText("allocation/ramsetu-2026-1");
        Locator ranked = coordinator.locator("table.allocation tbody tr");
        Locator first = ranked.first();
        assertThat(first).hasAttribute("data-request", zeroRequest);
        assertThat(first.locator("td").first()).hasText("1");
        assertThat(first.locator("td.explanation")).containsText(": 0-mismatch, ");
        assertThat(first.locator("td.explanation")).containsText(" pts = ");
        assertThat(first).containsText("0-0-0");
        // The patient by clinical facts, and the waiting time (issue 21).
        assertThat(first.locator("td").nth(2)).containsText(" years · ");
        assertThat(first).containsText(" d");
        int rows = ranked.count();
        Assertions.assertThat(rows).as("ranked requests").isGreaterThanOrEqualTo(2);
        for (int i = 0; i < rows; i++) {
            Assertions.assertThat(ranked.nth(i).locator("td").first().textContent().trim())
                    .as("rank of row %d", i)
                    .isEqualTo(String.valueOf(i + 1));
        }
        if (rows < 100) { // the whole list is shown: this scenario's other request is in it
            Locator second =
                    coordinator.locator(
                            "table.allocation tr[data-request='" + mismatchedRequest + "']");
            assertThat(second).hasCount(1);
            Assertions.assertThat(Integer.parseInt(second.locator("td").first().textContent()))
                    .isGreaterThan(1);
        }
        Locator chart = coordinator.locator("figure.chart").first();
        assertThat(chart.locator("svg")).isVisible();
        Assertions.assertThat(chart.locator("svg rect").count())
                .as("points bars")
                .isGreaterThanOrEqualTo(rows > 20 ? 20 : rows);
        Locator abo = coordinator.locator(".excluded details[data-reason=ABO_INCOMPATIBLE]");
        abo.locator("summary").click();
        assertThat(abo).containsText(groupORequest.substring(0, 8));
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-allocation");

        // Policy simulation: bounds come from the API's problem details, then the charts.
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Policy simulation"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Policy simulation");
        coordinator
                .getByLabel("Organ", new Page.GetByLabelOptions().setExact(true))
                .selectOption("KIDNEY");
        Locator donors = coordinator.getByLabel("Donor organs");
        donors.fill("5000");
        coordinator.getByLabel("Days", new Page.GetByLabelOptions().setExact(true)).fill("30");
        Locator run =
                coordinator.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run the simulation"));
        run.click();
        assertThat(donors).hasAttribute("aria-invalid", "true");
        assertThat(coordinator.locator(".field.invalid .field-error"))
                .containsText("must be 1 to 1000");
        Browser.assertAccessible(coordinator);
        donors.fill("20");
        run.click();
        Locator charts = coordinator.locator(".simulation-report figure.chart");
        assertThat(charts).hasCount(5);
        for (String title :
                new String[] {
                    "Transplants",
                    "Median waiting time",
                    "Expected deaths on the list",
                    "zero-mismatch kidneys",
                    "Median donor-to-recipient distance"
                }) {
            Locator figure = charts.filter(new Locator.FilterOptions().setHasText(title));
            assertThat(figure).hasCount(1);
            assertThat(figure.locator("svg")).isVisible();
            assertThat(figure.locator("table")).containsText("ramsetu-2026-1");
            assertThat(figure.locator("table")).containsText("ramsetu-2026-2");
        }
        Assertions.assertThat(charts.first().locator("svg rect").count())
                .as("transplant bars for both policies")
                .isGreaterThanOrEqualTo(2);
        assertThat(coordinator.locator(".simulation-report"))
                .containsText("20 donors over 30 days");
        assertThat(coordinator.locator(".note")).containsText("not a forecast");
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-simulation");
    }

    /**
     * Issue 20 in the console: a child dies, the family consents, and the coordinator records the
     * donor record at donation. An empty form names every missing field at once; the saved case
     * shows KDPI with the factors it came from; the recovery of one consented organ is recorded.
     */
    @Test
    void aCoordinatorRecordsAChildDonorsCaseAndItsRecovery() {
        Accounts.SignedIn setup = Accounts.coordinator();
        Page coordinator = signedIn(setup);
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Donation cases"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Donation cases");
        Browser.assertAccessible(coordinator);
        coordinator
                .getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a donation case"))
                .click();
        Locator open =
                coordinator.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the case"));
        open.click();
        assertThat(coordinator.getByRole(AriaRole.ALERT)).containsText("correct the highlighted");
        // one answer names them all: age, sex, height, weight, blood group, HLA, cause, pathway,
        // time of death, creatinine, hospital name and place, organs
        Assertions.assertThat(coordinator.locator(".field-error").count())
                .as("fields marked by one refusal")
                .isGreaterThanOrEqualTo(12);
        Browser.assertAccessible(coordinator);

        coordinator.getByLabel("Age at death").fill("6");
        coordinator
                .getByLabel("Sex", new Page.GetByLabelOptions().setExact(true))
                .selectOption("FEMALE");
        coordinator.getByLabel("Height").fill("116");
        coordinator.getByLabel("Weight").fill("21");
        coordinator.getByLabel("Blood group").selectOption("O+");
        coordinator.getByLabel("HLA-A").fill("A2, A24");
        coordinator.getByLabel("HLA-B").fill("B7, B44");
        coordinator.getByLabel("HLA-DR").fill("DR15");
        coordinator.getByLabel("Cause of death").selectOption("ANOXIA");
        coordinator.getByLabel("Death determined by").selectOption("DBD");
        String twoHoursAgo =
                java.time.LocalDateTime.now()
                        .minusHours(2)
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        .toString();
        coordinator.getByLabel("Death declared at").fill(twoHoursAgo);
        coordinator.getByLabel("Terminal creatinine").fill("0.4");
        coordinator.getByLabel("Hospital name").fill("KEM Hospital");
        coordinator.getByLabel("City", new Page.GetByLabelOptions().setExact(true)).fill("Mumbai");
        coordinator.getByLabel("Kidney").check();
        coordinator.getByLabel("Heart").check();
        open.click();

        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/cases/[0-9a-f-]+$"));
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Donation case");
        assertThat(coordinator.locator(".kidney-risk")).containsText("KDPI");
        assertThat(coordinator.locator("table.factors")).containsText("6");
        assertThat(coordinator.locator("dl.facts")).containsText("6 years");
        Browser.assertAccessible(coordinator);

        coordinator.locator("form.recovery").getByLabel("Kidney").check();
        coordinator
                .getByLabel("Cross-clamp at")
                .fill(
                        java.time.LocalDateTime.now()
                                .minusMinutes(30)
                                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                                .toString());
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the recovery"))
                .click();
        assertThat(coordinator.locator("dl.facts")).containsText("Organs recovered");
        assertThat(coordinator.locator("dl.facts dd").last())
                .containsText("Kidney · Cross-clamp at");
        Browser.assertAccessible(coordinator);

        // The recovered kidney is ranked from this record, and the run leads back to the case.
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allocate the Kidney"))
                .click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/allocation-runs/[0-9a-f-]+$"));
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Allocation run");
        coordinator.locator("dl.facts").getByRole(AriaRole.LINK).first().click();
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/cases/[0-9a-f-]+$"));
        assertThat(coordinator.locator(".case-allocation li")).hasCount(1);
        assertThat(coordinator.locator(".case-allocation .pager .count")).hasText("1–1 of 1");
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-donation-case");

        // On a phone the console's tabs are one row, swiped sideways, not rows above the page;
        // the page itself does not scroll sideways.
        coordinator.setViewportSize(390, 844);
        Locator tabs = coordinator.locator(".portal-nav ul");
        Assertions.assertThat(tabs.boundingBox().height).isLessThan(70);
        Assertions.assertThat(
                        (Boolean)
                                coordinator.evaluate(
                                        "() => document.documentElement.scrollWidth <="
                                                + " window.innerWidth"))
                .isTrue();
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .isVisible();
    }

    /**
     * The deceased-donation scenario end to end in the browser: a recovered kidney is offered down
     * its run's list; the first centre declines, the second lets the deadline pass (the scheduler
     * passes the offer on by itself), the third accepts, records the transplant and the graft's
     * function; the recipient sees their request transplanted and nothing of the donor.
     */
    @Test
    void aRecoveredKidneyIsOfferedDownTheListUntilACentreAcceptsAndTransplantsIt() {
        // Set up over HTTP: three candidates of a typing of their own (the longest on dialysis
        // first), and a run of a kidney for them.
        Matching.Place at = new Matching.Place("Nagpur", "Maharashtra", 21.1458, 79.0882);
        java.util.List<String> hla = Donation.typing();
        Donation.Candidate first = Donation.candidate(at, hla, "2016-06-01");
        Donation.Candidate second = Donation.candidate(at, hla, "2017-06-01");
        Donation.Candidate third = Donation.candidate(at, hla, "2018-06-01");
        String runId = Donation.kidneyRun(at, hla);
        Accounts.SignedIn setup = Accounts.coordinator();

        Page offering = coordinatorPage(setup.email());
        offering.navigate("/coordinator/allocation-runs/" + runId);
        offering.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Offer down the list"))
                .click();
        Locator offerRows = offering.locator("table.offers tbody tr");
        assertThat(offerRows.first()).containsText(first.requestId().substring(0, 8));
        assertThat(offerRows.first()).containsText("Awaiting answer");
        Browser.assertAccessible(offering);

        // 1. The first centre declines, first without a reason (refused inline, nothing sent).
        Page centre = coordinatorPage(first.centre().email());
        Locator mine = centreOffer(centre, first);
        Browser.assertAccessible(centre);
        mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Answer")).click();
        Locator dialog = centre.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Answer", new Locator.GetByLabelOptions().setExact(true))
                .selectOption("DECLINE");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the answer"))
                .click();
        assertThat(dialog.locator(".field-error")).containsText("required");
        dialog.getByLabel("Reason for declining").selectOption("POSITIVE_CROSSMATCH");
        Browser.assertAccessible(centre);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the answer"))
                .click();
        assertThat(dialog).isHidden();
        centre.getByLabel("Show answered offers too").check();
        assertThat(mine).containsText("Declined");
        assertThat(mine).containsText("Positive crossmatch");
        assertThat(centre.locator("#offer-report")).isVisible();
        Browser.assertAccessible(centre);
        Browser.screenshot(centre, "coordinator-centre-offers");
        // The centre searches its offers by a part of the patient's e-mail address.
        String email = first.patient().email();
        centre.getByLabel("Patient", new Page.GetByLabelOptions().setExact(true))
                .fill(email.substring(email.lastIndexOf('-') + 1, email.indexOf('@')));
        assertThat(centre).hasURL(Pattern.compile("[?&]q="));
        assertThat(centre.locator("table.offers tbody tr")).hasCount(1);
        assertThat(mine).containsText("Declined");

        // 2. The second centre is offered at once and never answers: at the deadline the offer
        // expires and the third candidate is offered, with nobody asking.
        Duration patience = Donation.OFFER_RESPONSE.multipliedBy(4);
        long giveUp = System.nanoTime() + patience.toNanos();
        while (offerRows.count() < 3 && System.nanoTime() < giveUp) {
            offering.waitForTimeout(1_000);
            offering.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh"))
                    .click();
        }
        assertThat(offerRows).hasCount(3);
        assertThat(offerRows.nth(0)).containsText("Declined");
        assertThat(offerRows.nth(1)).containsText(second.requestId().substring(0, 8));
        assertThat(offerRows.nth(1)).containsText("No answer");
        assertThat(offerRows.nth(2)).containsText(third.requestId().substring(0, 8));
        assertThat(offerRows.nth(2)).containsText("Awaiting answer");
        assertThat(offerRows.nth(2)).containsText("(passed on)");
        Browser.screenshot(offering, "coordinator-run-offers");

        // 3. The third centre accepts, records the transplant, then the graft's function.
        Page accepting = coordinatorPage(third.centre().email());
        Locator placed = centreOffer(accepting, third);
        placed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Answer")).click();
        Locator answer = accepting.getByRole(AriaRole.DIALOG);
        answer.getByLabel("Answer", new Locator.GetByLabelOptions().setExact(true))
                .selectOption("ACCEPT");
        answer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the answer"))
                .click();
        assertThat(answer).isHidden();
        accepting.getByLabel("Show answered offers too").check();
        assertThat(placed).containsText("Accepted");
        placed.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Record the transplant"))
                .click();
        Locator transplant = accepting.getByRole(AriaRole.DIALOG);
        // The browser's own local time, to the second: after the acceptance, not in the future.
        String localNow =
                (String)
                        accepting.evaluate(
                                "() => { const d = new Date(); d.setMinutes(d.getMinutes() -"
                                        + " d.getTimezoneOffset()); return"
                                        + " d.toISOString().slice(0, 19); }");
        transplant.getByLabel("Transplanted at").fill(localNow);
        Browser.assertAccessible(accepting);
        transplant
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Record the transplant"))
                .click();
        assertThat(transplant).isHidden();
        assertThat(placed).containsText("transplanted");
        placed.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Record the outcome"))
                .click();
        Locator outcome = accepting.getByRole(AriaRole.DIALOG);
        outcome.getByLabel("Graft at one week").selectOption("DELAYED_FUNCTION");
        outcome.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Record the outcome"))
                .click();
        assertThat(outcome).isHidden();
        assertThat(placed).containsText("Graft at one week: Delayed function");
        Browser.assertAccessible(accepting);

        offering.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh")).click();
        assertThat(offerRows.nth(2)).containsText("Accepted");

        // The offer's record opens from its row: to the centre it names the patient (whose
        // record it links), with the answer, the transplant, the graft's function, the whole
        // offering and the history.
        placed.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Kidney")).click();
        assertThat(accepting).hasURL(Pattern.compile("/coordinator/offers/[0-9a-f-]+$"));
        assertThat(accepting.locator("h1")).containsText("Kidney offer to candidate");
        assertThat(accepting.locator("h1")).containsText("Accepted");
        assertThat(accepting.locator("a[href='/coordinator/requests/" + third.requestId() + "']"))
                .isVisible();
        assertThat(accepting.locator("main")).containsText("Delayed function");
        assertThat(accepting.locator("table.offers tbody tr")).hasCount(3);
        assertThat(accepting.locator("ol.history li").first()).isVisible();
        Browser.assertAccessible(accepting);
        Browser.screenshot(accepting, "coordinator-offer-record");

        // 4. The recipient sees the request transplanted, and nothing of the donor: neither the
        // donor's hospital nor the case.
        Page recipient = browser.person();
        recipient.navigate("/login");
        logIn(recipient, third.patient().email());
        assertThat(recipient).hasURL(Pattern.compile("/patient$"));
        Locator request =
                recipient.locator(".request-card[data-request='" + third.requestId() + "']");
        assertThat(request).containsText("Transplanted");
        Assertions.assertThat(recipient.content())
                .doesNotContain("Civil Hospital")
                .doesNotContain(runId);
        Browser.assertAccessible(recipient);
    }

    /**
     * Issue 21, item 3: approving a proposal below the run's first open one asks, in the dialog,
     * why each one above is passed over; without the reasons nothing is decided.
     */
    @Test
    void approvingALowerRankedProposalAsksWhyEachOneAboveIsPassedOver() {
        // Set up over HTTP: two equally good liver donors for one patient, so the run proposes
        // at least two.
        Accounts.SignedIn setup = Accounts.coordinator();
        Matching.Place at = Matching.place();
        for (int i = 0; i < 2; i++) {
            Matching.verifiedPledge(
                    Matching.donor(at, "AB+", Matching.PATIENT_HLA), Registry.liverPledge(), setup);
        }
        var patient = Matching.patient(at, "AB+", Matching.PATIENT_HLA, List.of());
        String runId =
                Matching.run(setup, Matching.requestId(patient, Registry.liverRequest()))
                        .path("id")
                        .asString();

        Page coordinator = coordinatorPage(setup.email());
        coordinator.navigate("/coordinator/runs/" + runId);
        Locator proposals = coordinator.locator("ul.proposals li");
        assertThat(proposals.nth(1)).isVisible(); // at least two, once the run is shown
        int above = proposals.count() - 1;
        proposals
                .last()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        Locator dialog = coordinator.getByRole(AriaRole.DIALOG);
        Locator reasons = dialog.locator("[data-passed-over] select");
        assertThat(reasons).hasCount(above);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        // Refused, each missing reason marked at its field; nothing decided.
        assertThat(dialog.locator(".field-error").first()).containsText("required");
        assertThat(proposals.first()).containsText("Proposed");
        Browser.assertAccessible(coordinator);
        Browser.screenshot(coordinator, "coordinator-pass-over");
        for (int i = 0; i < above; i++) {
            reasons.nth(i).selectOption("POSITIVE_CROSSMATCH");
        }
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        assertThat(dialog).isHidden();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("Match approved");
        coordinator.reload();
        assertThat(proposals.first()).containsText("Declined");
        assertThat(proposals.last()).containsText("Approved");
    }

    /** A coordinator signed in, with the second factor, at the console's home. */
    private Page coordinatorPage(String email) {
        Page page = browser.person(1366, 900);
        page.navigate("/login");
        logIn(page, email);
        giveSecondFactor(page, Accounts.authenticatorSecret(email));
        assertThat(page).hasURL(Pattern.compile("/coordinator$"));
        return page;
    }

    /** The row of the candidate's offer on their centre's Offers page. */
    private static Locator centreOffer(Page centre, Donation.Candidate candidate) {
        centre.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("Offers").setExact(true))
                .click();
        assertThat(centre.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Offers to my centre");
        return centre.locator(
                "table.offers tbody tr[data-request='" + candidate.requestId() + "']");
    }

    @Test
    void anAdministratorRegistersACentreAndAssignsACoordinatorToIt() {
        Accounts.SignedIn setup = Accounts.administrator();
        Accounts.SignedIn colleague = Accounts.coordinator();
        String unique = java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Page administrator = browser.person(1366, 900);
        administrator.navigate("/login");
        logIn(administrator, setup.email());
        giveSecondFactor(administrator, Accounts.authenticatorSecret(setup.email()));
        assertThat(administrator).hasURL(Pattern.compile("/coordinator$"));
        administrator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Transplant centres"))
                .click();
        administrator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a centre"))
                .click();
        Locator register =
                administrator.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Register the centre"));
        register.click();
        assertThat(administrator.getByRole(AriaRole.ALERT)).containsText("correct the highlighted");
        Assertions.assertThat(administrator.locator(".field-error").count())
                .as("name, registration number, city, state, coordinates, programmes")
                .isGreaterThanOrEqualTo(5);
        Browser.assertAccessible(administrator);

        administrator
                .getByLabel("Name", new Page.GetByLabelOptions().setExact(true))
                .fill("Ruby Hall Clinic " + unique);
        administrator.getByLabel("Registration number").fill("MH/TTX/" + unique);
        administrator.getByLabel("City", new Page.GetByLabelOptions().setExact(true)).fill("Pune");
        administrator.getByLabel("Kidney").check();
        administrator.getByLabel("Liver").check();
        register.click();

        assertThat(administrator).hasURL(Pattern.compile("/coordinator/centres/[0-9a-f-]+$"));
        assertThat(
                        administrator.getByRole(
                                AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Ruby Hall Clinic " + unique);
        administrator.getByLabel("Coordinator's e-mail").fill(colleague.email());
        administrator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the coordinator"))
                .click();
        assertThat(administrator.locator("[data-coordinator]")).containsText(colleague.email());
        Browser.assertAccessible(administrator);

        administrator
                .getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("All transplant centres"))
                .click();
        administrator.getByLabel("Search").fill(unique.toLowerCase());
        assertThat(administrator.locator("table.centres tbody tr")).hasCount(1);
        assertThat(administrator.locator("table.centres")).containsText("Kidney, Liver");
        assertThat(administrator.locator("p.count")).containsText("1–1 of 1");
        Browser.assertAccessible(administrator);
        Browser.screenshot(administrator, "coordinator-centres");
    }

    /**
     * The API's per-user limit refuses a read for a moment (a coordinator paging quickly through a
     * long list), or the database is switching over: the console asks again after the Retry-After
     * and shows the list, not an error. A wait too long, or refusals that go on, are shown with the
     * wait in words.
     */
    @Test
    void aListReadRefusedForAMomentIsAskedAgainAndALongerRefusalIsShown() {
        Accounts.SignedIn setup = Accounts.coordinator();
        Page coordinator = signedIn(setup);
        String waitingList = "/api/v1/transplant-requests?";
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        coordinator.onRequest(
                r -> {
                    if (r.url().contains(waitingList)) {
                        asked.add(r.url());
                    }
                });

        refuseForAMoment(coordinator, waitingList, 1, 1);
        coordinator.navigate("/coordinator/requests");
        waitingListCameWithoutAnError(coordinator);
        Assertions.assertThat(asked).as("refused once, asked again").hasSize(2);

        // The database switching over answers 503 with a short Retry-After: waited out the same
        // way.
        asked.clear();
        databaseUnavailableForAMoment(coordinator, waitingList, 2);
        coordinator.reload();
        waitingListCameWithoutAnError(coordinator);
        Assertions.assertThat(asked).as("unavailable twice, asked again each time").hasSize(3);
        // A busy pool means load: asking again would add to it, so the refusal is shown at once.
        asked.clear();
        refuse(
                coordinator,
                waitingList,
                503,
                "database-busy",
                "Too busy",
                "the service could not reach its database in time because it is too busy",
                2,
                1);
        coordinator.reload();
        assertThat(coordinator.getByRole(AriaRole.ALERT)).containsText("Too busy");
        Assertions.assertThat(asked).as("a busy 503 is not asked again").hasSize(1);

        refuseForAMoment(coordinator, waitingList, 60, 1);
        coordinator.reload();
        assertThat(coordinator.getByRole(AriaRole.ALERT)).containsText("Please wait 60 seconds.");
        refuseForAMoment(coordinator, waitingList, 1, 4);
        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try again"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.ALERT)).containsText("Please wait 1 second.");
        Browser.assertAccessible(coordinator);
    }

    /** The list came (rows counted, or none waiting in this test's registry), with no error. */
    private static void waitingListCameWithoutAnError(Page coordinator) {
        // Waited out for up to three retries of a few seconds each: longer than an assertion's 5 s.
        assertThat(
                        coordinator
                                .locator(".pager .count")
                                .or(coordinator.getByText("No requests with these filters."))
                                .first())
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(coordinator.getByRole(AriaRole.ALERT)).hasCount(0);
    }

    /** A window of a desktop's size where the coordinator has signed in with both factors. */
    private static Page signedIn(Accounts.SignedIn coordinator) {
        Page page = browser.person(1366, 900);
        page.navigate("/login");
        logIn(page, coordinator.email());
        giveSecondFactor(page, Accounts.authenticatorSecret(coordinator.email()));
        assertThat(page).hasURL(Pattern.compile("/coordinator$"));
        return page;
    }

    /**
     * The next {@code times} calls to a URL holding {@code path} are refused as the API's limit
     * refuses them.
     */
    private static void refuseForAMoment(Page page, String path, int seconds, int times) {
        String detail =
                "too many requests; try again in "
                        + seconds
                        + (seconds == 1 ? " second" : " seconds");
        refuse(page, path, 429, "rate-limited", "Too many requests", detail, seconds, times);
    }

    /**
     * The next {@code times} calls to a URL holding {@code path} answer 503 as the API does while
     * the database switches over to its standby.
     */
    private static void databaseUnavailableForAMoment(Page page, String path, int times) {
        String detail = "the database is unavailable for a moment; try again shortly";
        refuse(page, path, 503, "database-unavailable", "Database unavailable", detail, 2, times);
    }

    private static void refuse(
            Page page,
            String path,
            int status,
            String type,
            String title,
            String detail,
            int retryAfterSeconds,
            int times) {
        page.route(
                url -> url.contains(path),
                route ->
                        route.fulfill(
                                new Route.FulfillOptions()
                                        .setStatus(status)
                                        .setHeaders(
                                                Map.of(
                                                        "Content-Type",
                                                        "application/problem+json",
                                                        "Retry-After",
                                                        Integer.toString(retryAfterSeconds)))
                                        .setBody(
                                                "{\"type\":\"https://ramsetu.org/problems/"
                                                        + type
                                                        + "\",\"title\":\""
                                                        + title
                                                        + "\",\"status\":"
                                                        + status
                                                        + ",\"detail\":\""
                                                        + detail
                                                        + "\"}")),
                new Page.RouteOptions().setTimes(times));
    }

    /**
     * A patient brings a verified liver listing's values up to date: the listing leaves allocation
     * until the centre has checked the changed fields, and says so.
     */
    @Test
    void aPatientUpdatesAVerifiedListingsValuesAndItAwaitsTheCentreAgain() {
        var patient = Registry.patientWithProfile();
        String id = Registry.request(patient, Registry.liverRequest()).path("id").asString();
        Page page = browser.person();
        page.navigate("/login");
        logIn(page, patient.email());
        assertThat(page).hasURL(Pattern.compile("/patient$"));
        Locator card = page.locator("[data-request='" + id + "']");
        assertThat(card).containsText("Waiting");
        assertThat(card).containsText("Lab values due again by");

        card.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Update the clinical values"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Liver request: clinical values");
        assertThat(page.getByLabel("INR", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("1.8");
        page.getByLabel("INR", new Page.GetByLabelOptions().setExact(true)).fill("2.6");
        Browser.assertAccessible(page);

        // The session ends before the values are saved: signed in again, they are still there.
        endLogin(page);
        refuseTokenOnce(page, "**/api/v1/transplant-requests**");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My requests")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your session has expired");
        logIn(page, patient.email());
        assertThat(page).hasURL(Pattern.compile("/patient$"));
        card.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Update the clinical values"))
                .click();
        assertThat(page.getByLabel("INR", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("2.6");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the values"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Values saved");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("has its new values");

        page.navigate("/patient");
        assertThat(card).containsText("Awaiting the centre’s check");
        assertThat(card).containsText("liver.inr");
        Browser.assertAccessible(page);
    }

    @Test
    void aWrongCodeIsRefusedInlineAndTheRightOneSignsIn() {
        Page page = browser.person();
        page.navigate("/signup");
        String email = Accounts.newEmail("web-wrong-code");
        fillSignup(page, "Donor", email, "Kiran Shah");
        String code = PlatformInstance.mail().code(email, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        page.getByLabel("Code from the e-mail").fill(wrong);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
        Locator error = page.locator(".field.invalid .field-error");
        assertThat(error).containsText("is not the code we sent");
        assertThat(page.getByLabel("Code from the e-mail")).hasAttribute("aria-invalid", "true");
        Browser.assertAccessible(page);
        page.getByLabel("Code from the e-mail").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
        assertThat(page).hasURL(Pattern.compile("/donor$"));
    }

    @Test
    void anEndedSessionShowsTheExpiredStateAndLoggingInAgainRecovers() {
        Page page = browser.person();
        page.navigate("/signup");
        String email = Accounts.newEmail("web-expiry");
        signUp(page, "Patient", email, "Sunita Devi");
        assertThat(page).hasURL(Pattern.compile("/patient$"));
        Assertions.assertThat((String) page.evaluate("() => JSON.stringify(localStorage)"))
                .as("no token in localStorage")
                .doesNotContain("eyJ");
        Assertions.assertThat(page.url()).doesNotContain("token");

        // The refresh cookie is HttpOnly: scripts cannot read it.
        Assertions.assertThat(refreshCookie(page).httpOnly).isTrue();
        Assertions.assertThat((String) page.evaluate("() => document.cookie"))
                .doesNotContain("ramsetu_refresh");

        // An access token the server refuses (401): the app refreshes once, retries, carries on.
        refuseTokenOnce(page, "**/api/v1/patients/me");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Profile").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Patient profile");
        assertThat(page.getByLabel("Blood group")).isVisible();

        // The login is ended elsewhere; the next refused token cannot be renewed: "expired".
        endLogin(page);
        refuseTokenOnce(page, "**/api/v1/patients/me");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("My requests").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your session has expired");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Log in");
        Browser.assertAccessible(page);
        logIn(page, email);
        assertThat(page).hasURL(Pattern.compile("/patient$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("My transplant requests");

        // The same after a reload: the session cannot be restored from the cookie.
        endLogin(page);
        page.reload();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your session has expired");
        logIn(page, email);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("My transplant requests");
    }

    private static Cookie refreshCookie(Page page) {
        return page.context().cookies().stream()
                .filter(c -> c.name.equals("ramsetu_refresh"))
                .findFirst()
                .orElseThrow();
    }

    /** Signs the login out server-side, as a logout in another browser would. */
    /**
     * Issue 21, item 5: a donor record half typed at a bedside is still there after the session
     * ended and the coordinator signed in again, in the same tab; signing out forgets it. No page
     * is reloaded here: the drafts live in the tab's memory, never in browser storage.
     */
    @Test
    void aDonorRecordTypedBeforeTheSessionEndedIsThereAfterSigningInAgain() {
        Accounts.SignedIn setup = Accounts.coordinator();
        Page coordinator = coordinatorPage(setup.email());
        openNewDonationCase(coordinator);
        coordinator.getByLabel("Age at death").fill("34");
        coordinator.getByLabel("Height").fill("172");

        endLogin(coordinator);
        refuseTokenOnce(coordinator, "**/api/v1/admin/donation-cases**");
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Donation cases"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.ALERT)).containsText("Your session has expired");
        logIn(coordinator, setup.email());
        giveSecondFactor(coordinator, Accounts.authenticatorSecret(setup.email()));
        // back where the session ended
        assertThat(coordinator).hasURL(Pattern.compile("/coordinator/cases$"));
        openNewDonationCase(coordinator);
        assertThat(coordinator.getByLabel("Age at death")).hasValue("34");
        assertThat(coordinator.getByLabel("Height")).hasValue("172");
        Assertions.assertThat(
                        (String)
                                coordinator.evaluate(
                                        "() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"))
                .as("the draft is in memory, not in browser storage")
                .doesNotContain("172");

        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        coordinator
                .getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in").setExact(true))
                .first()
                .click();
        logIn(coordinator, setup.email());
        giveSecondFactor(coordinator, Accounts.authenticatorSecret(setup.email()));
        openNewDonationCase(coordinator);
        assertThat(coordinator.getByLabel("Age at death")).hasValue("");
    }

    /**
     * Issue 21, item 5: a profile fills from the server after it loads; input typed before the
     * session ended wins over the loaded values once the same person signs in again, and is gone
     * once it is saved.
     */
    @Test
    void aDonorsUnsavedProfileChangeIsThereAfterSigningInAgain() {
        Accounts.SignedIn donor = Registry.donorWithProfile();
        Page page = browser.person();
        page.navigate("/login");
        logIn(page, donor.email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Profile").setExact(true))
                .click();
        Locator notes = page.getByLabel("Other conditions, medicines or surgery");
        notes.fill("asthma since childhood, inhaler");

        endLogin(page);
        refuseTokenOnce(page, "**/api/v1/documents**");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Documents")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your session has expired");
        logIn(page, donor.email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Profile").setExact(true))
                .click();
        assertThat(notes).hasValue("asthma since childhood, inhaler");
        assertThat(page.getByText("filled in again")).isVisible();
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile"))
                .click();
        assertThat(page.getByText("Profile saved.")).isVisible();
        Assertions.assertThat(
                        donor.client()
                                .get("/api/v1/donors/me")
                                .json()
                                .path("medicalHistory")
                                .path("notes")
                                .asString())
                .isEqualTo("asthma since childhood, inhaler");
        page.reload();
        assertThat(notes).hasValue("asthma since childhood, inhaler");
        assertThat(page.getByText("filled in again")).hasCount(0);
    }

    private static void openNewDonationCase(Page coordinator) {
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Donation cases"))
                .click();
        coordinator
                .getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a donation case"))
                .click();
        assertThat(coordinator.getByLabel("Age at death")).isVisible();
    }

    private static void endLogin(Page page) {
        var logout =
                PlatformInstance.client()
                        .post(
                                "/api/v1/auth/logout",
                                Map.of("refreshToken", refreshCookie(page).value));
        Assertions.assertThat(logout.status()).isEqualTo(204);
    }

    /**
     * The next call to the path goes out with an access token the server does not accept (as an
     * expired one would be); the server's real 401 comes back to the app.
     */
    private static void refuseTokenOnce(Page page, String path) {
        page.route(
                path,
                route -> {
                    Map<String, String> headers =
                            new java.util.HashMap<>(route.request().headers());
                    headers.put("authorization", "Bearer not.a.valid-token");
                    route.resume(new Route.ResumeOptions().setHeaders(headers));
                },
                new Page.RouteOptions().setTimes(1));
    }

    @Test
    void theLandingPageSpeaksHindiAndFitsAPhone() {
        Page phone = browser.person(390, 844);
        phone.navigate("/");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch language"))
                .click();
        assertThat(phone.locator("html")).hasAttribute("lang", "hi");
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("सेतु");
        Browser.assertAccessible(phone);
        Assertions.assertThat(
                        (Boolean)
                                phone.evaluate(
                                        "() => document.documentElement.scrollWidth <="
                                                + " window.innerWidth"))
                .as("no horizontal scrolling on a phone")
                .isTrue();
        Browser.screenshot(phone, "landing-phone-hindi");
        phone.reload();
        assertThat(phone.locator("html")).hasAttribute("lang", "hi");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("लॉग इन").setExact(true))
                .first()
                .click();
        assertThat(phone.getByLabel("ई-मेल पता")).isVisible();
        Browser.assertAccessible(phone);
        // A refusal from the server reads in Hindi, with the server's own words beside it in
        // English (issue 21, item 6).
        phone.getByLabel("ई-मेल पता").fill("nobody-" + UUID.randomUUID() + "@example.org");
        phone.getByLabel("पासवर्ड", new Page.GetByLabelOptions().setExact(true))
                .fill("not the password");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("लॉग इन")).click();
        Locator refusal = phone.getByRole(AriaRole.ALERT);
        assertThat(refusal).containsText("साइन इन नहीं हुआ");
        assertThat(refusal.locator("p[lang='en']")).isVisible();
        Browser.assertAccessible(phone);
        for (String page : new String[] {"/signup", "/reset", "/contact"}) {
            phone.navigate(page);
            assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .isVisible();
            Browser.assertAccessible(phone);
        }
        // Field errors in Hindi: one of a known kind as a Hindi sentence with its values, one of
        // no known kind as "not accepted" with the server's English words beside it.
        phone.navigate("/signup");
        String email = "hindi-" + UUID.randomUUID() + "@example.org";
        phone.getByLabel("पूरा नाम").fill("Asha Verma");
        phone.getByLabel("ई-मेल पता").fill(email);
        Locator password = phone.getByLabel("पासवर्ड", new Page.GetByLabelOptions().setExact(true));
        password.fill("छोटा");
        Locator signUp =
                phone.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("साइन अप").setExact(true));
        signUp.click();
        Locator passwordError = phone.locator(".field-error").first();
        assertThat(passwordError).containsText("12 से 128 अक्षरों का होना चाहिए (आपके में 4 हैं)");
        password.fill(email);
        signUp.click();
        assertThat(passwordError).containsText("स्वीकार नहीं हुआ: must not be your e-mail address");
        Browser.assertAccessible(phone);
    }

    /** The status message (a notice announced to screen readers) that says {@code text}. */
    private static Locator statusSaying(Page page, String text) {
        return page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(text));
    }

    private static void signUp(Page page, String role, String email, String name) {
        if (!page.url().endsWith("/signup")) {
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Sign up").setExact(true))
                    .first()
                    .click();
        }
        fillSignup(page, role, email, name);
        page.getByLabel("Code from the e-mail").fill(PlatformInstance.mail().code(email, 1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
    }

    private static void fillSignup(Page page, String role, String email, String name) {
        page.getByLabel(role, new Page.GetByLabelOptions().setExact(false)).first().check();
        page.getByLabel("Full name").fill(name);
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Confirm your e-mail address");
    }

    private static void logIn(Page page, String email) {
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(Accounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    /** The second step of a coordinator's sign-in, with the code of an enrolled authenticator. */
    private static void giveSecondFactor(Page page, String secret) {
        page.getByLabel("Code from your authenticator app").fill(AuthenticatorApp.nextCode(secret));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
    }

    private static void fillPerson(
            Page page, String blood, String born, String sex, String height, String weight) {
        page.getByLabel("Blood group").selectOption(blood);
        page.getByLabel("Date of birth").fill(born);
        page.getByLabel("Sex", new Page.GetByLabelOptions().setExact(true)).selectOption(sex);
        page.getByLabel("Height").fill(height);
        page.getByLabel("Weight").fill(weight);
    }

    private static void fillHla(Page page) {
        page.getByLabel("HLA-A").fill(HLA[0]);
        page.getByLabel("HLA-B").fill(HLA[1]);
        page.getByLabel("HLA-DR").fill(HLA[2]);
    }
}
