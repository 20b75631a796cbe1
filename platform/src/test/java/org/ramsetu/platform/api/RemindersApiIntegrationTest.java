package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.testing.DirectWorkContext;
import org.ramsetu.platform.reminders.ReminderDigests;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Coordinators' reminders through the running application (docs/reminders.md): the endpoint's
 * authorization and audit, and the digest mail delivered through the real mail queue, once.
 */
class RemindersApiIntegrationTest {

    @Test
    void onlyCoordinatorsReadRemindersAndEachListingShownIsAudited() {
        var patient = Registry.patientWithProfile();
        // MELD-Na 25 / MELD 3.0 26: labs valid 7 days, so due within the 7-day window at once
        String requestId = Registry.request(patient, Registry.liverRequest()).path("id").asString();
        var coordinator = Accounts.coordinator();
        var donor = Accounts.donor();

        JsonNode found = findLabsDue(coordinator, requestId);
        var asPatient = patient.client().get("/api/v1/reminders");
        var asDonor = donor.client().get("/api/v1/reminders/summary");
        var anonymous = PlatformInstance.client().get("/api/v1/reminders");
        var badKind = coordinator.client().get("/api/v1/reminders?kind=SPLEEN");
        var summary = coordinator.client().get("/api/v1/reminders/summary");

        assertThat(found.path("kind").asString()).isEqualTo("LABS_DUE");
        assertThat(found.path("organ").asString()).isEqualTo("LIVER");
        assertThat(found.path("meld").asInt()).isEqualTo(26);
        assertThat(found.path("overdue").asBoolean()).isFalse();
        assertThat(found.toString()).doesNotContain("Test patient");
        assertThat(asPatient.status()).isEqualTo(403);
        assertThat(asPatient.body()).contains("problems/forbidden");
        assertThat(asDonor.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().path("labsDue").asLong()).isPositive();
        assertThat(summary.json().path("labsDueWithinHours").asLong()).isEqualTo(168);
        assertThat(
                        Registry.audit(
                                        coordinator,
                                        "MEDICAL_RECORD_READ",
                                        "transplant request",
                                        requestId)
                                .stream()
                                .filter(
                                        row ->
                                                row.path("actorId")
                                                        .asString()
                                                        .equals(coordinator.id().toString())))
                .isNotEmpty();
    }

    @Test
    void theDailyDigestReachesEachCoordinatorOnceThroughTheMailQueue() {
        var patient = Registry.patientWithProfile();
        Registry.request(patient, Registry.liverRequest());
        var coordinator = Accounts.coordinator();
        var context = PlatformInstance.get().context();
        ReminderDigests digests = context.getBean(ReminderDigests.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        Instant now = Instant.now();

        digests.run(DirectWorkContext.recurring(ReminderDigests.NAME, now, tx));
        String mail = Registry.mailContaining(coordinator.email(), "RamSetu reminders for");
        // a second execution the same day mails nobody twice
        digests.run(DirectWorkContext.recurring(ReminderDigests.NAME, now, tx));
        sleep(2_000);

        assertThat(mail).contains("labs due").contains("request ");
        assertThat(Registry.mailsContaining(coordinator.email(), "RamSetu reminders for"))
                .isEqualTo(1);
    }

    private static JsonNode findLabsDue(Accounts.SignedIn coordinator, String requestId) {
        String after = null;
        for (int page = 0; page < 100; page++) {
            var response =
                    coordinator
                            .client()
                            .get(
                                    "/api/v1/reminders?kind=labs_due&limit=100"
                                            + (after == null ? "" : "&after=" + after));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            for (JsonNode item : response.json().path("items")) {
                if (item.path("id").asString().equals(requestId)) {
                    return item;
                }
            }
            after = response.text("nextCursor");
            if (after == null) {
                break;
            }
        }
        throw new AssertionError("request " + requestId + " is not among the reminders");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
