package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ramsetu.platform.api.Registry.json;
import static org.ramsetu.platform.api.Registry.with;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.scores.Kdri;
import org.ramsetu.core.scores.KidneyDonorFactors;

/**
 * The donor record at donation over HTTP: a case from a verified pledge or on a family's consent
 * (children included), KDRI/KDPI from the clinical record, amendments, the recovery, every refusal
 * naming what is wrong and storing nothing.
 */
class DonationCaseIntegrationTest {

    /** A case opened on the consent of a pledge, with the stroke-after-DCD record. */
    static ApiClient.Response openFromPledge(Accounts.SignedIn coordinator, String pledgeId) {
        return coordinator
                .client()
                .post(
                        Donation.CASES,
                        json(
                                "consent",
                                "PLEDGE",
                                "pledgeId",
                                pledgeId,
                                "record",
                                Donation.strokeAfterCirculatoryDeath()));
    }

    static String verifiedPledge(Accounts.SignedIn coordinator, Accounts.SignedIn donor) {
        String pledgeId = Registry.pledgeId(donor, Registry.kidneyPledge());
        var verified =
                coordinator.client().post("/api/v1/admin/pledges/" + pledgeId + "/verify", json());
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return pledgeId;
    }

    @Test
    void aCaseFromAVerifiedPledgeHasKdriFromTheClinicalRecordAndNoIdentity() {
        var coordinator = Accounts.coordinator();
        var donor = Registry.donorWithProfile();
        String pledgeId = verifiedPledge(coordinator, donor);

        var opened = openFromPledge(coordinator, pledgeId);
        String id = opened.text("id");
        var read = coordinator.client().get(Donation.CASES + "/" + id);
        var again = openFromPledge(coordinator, pledgeId);

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.header("Location")).isEqualTo(Donation.CASES + "/" + id);
        assertThat(opened.text("status")).isEqualTo("OPEN");
        assertThat(opened.text("consent")).isEqualTo("PLEDGE");
        var risk = opened.json().path("kidneyRisk");
        assertThat(risk.path("factors").path("causeOfDeathCva").asBoolean()).isTrue();
        assertThat(risk.path("factors").path("dcd").asBoolean()).isTrue();
        assertThat(risk.path("factors").path("creatinineMgDl").asDouble()).isEqualTo(1.8);
        double expected =
                Kdri.compute(new KidneyDonorFactors(52, 170, 80, true, false, true, 1.8, true))
                        .kdriRao();
        assertThat(risk.path("kdri").asDouble()).isCloseTo(expected, within(1e-9));
        assertThat(risk.path("kdpi").isInt()).isTrue();
        assertThat(risk.path("formulaVersion").asString()).isEqualTo(Kdri.VERSION);
        assertThat(risk.path("tableVersion").asString()).isNotBlank();
        assertThat(opened.body())
                .doesNotContain(donor.email())
                .doesNotContain(donor.id().toString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().path("record").path("serology").path("hiv").asString())
                .isEqualTo("PENDING");
        assertThat(Registry.audit(coordinator, "DONATION_CASE_OPENED", "donation case", id))
                .hasSize(1);
        assertThat(Registry.audit(coordinator, "MEDICAL_RECORD_READ", "donation case", id))
                .isNotEmpty();
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.text("detail")).contains(id);
    }

    @Test
    void theDonorsDeathClosesEveryPledgeTheyMade() throws InterruptedException {
        var coordinator = Accounts.coordinator();
        var donor = Registry.donorWithProfile();
        String kidney = verifiedPledge(coordinator, donor);
        String liver = Registry.pledgeId(donor, Registry.liverPledge()); // never reviewed
        Registry.mailContaining(donor.email(), "has verified your kidney");

        var opened = openFromPledge(coordinator, kidney);
        String caseId = opened.text("id");
        var kidneyNow = coordinator.client().get("/api/v1/pledges/" + kidney);
        var liverNow = coordinator.client().get("/api/v1/pledges/" + liver);
        // The pledge can no longer be ranked as a living person's, nor verified any more.
        var pledgeRun =
                coordinator.client().post("/api/v1/pledges/" + kidney + "/allocation-runs", "{}");
        var verifyLiver =
                coordinator.client().post("/api/v1/admin/pledges/" + liver + "/verify", json());

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(kidneyNow.text("status")).isEqualTo("DONATED");
        assertThat(liverNow.text("status")).isEqualTo("REJECTED");
        assertThat(liverNow.text("rejectionReason")).contains("donor died").contains(caseId);
        assertThat(pledgeRun.status()).as(pledgeRun.toString()).isEqualTo(409);
        assertThat(verifyLiver.status()).as(verifyLiver.toString()).isEqualTo(409);
        assertThat(Registry.audit(coordinator, "PLEDGE_DONATED", "pledge", kidney))
                .singleElement()
                .satisfies(e -> assertThat(e.toString()).contains(caseId));
        assertThat(Registry.audit(coordinator, "PLEDGE_REJECTED", "pledge", liver)).hasSize(1);
        // Nothing is written to the account of someone who died (the verified mail above took
        // well under the five seconds watched here).
        long watchUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < watchUntil) {
            assertThat(Registry.mailsContaining(donor.email(), "has been donated")).isZero();
            assertThat(Registry.mailsContaining(donor.email(), "could not accept")).isZero();
            Thread.sleep(250);
        }
    }

    @Test
    void aFamilyConsentsForAChildWhoNeverPledged() {
        var coordinator = Accounts.coordinator();
        Map<String, Object> child =
                with(
                        with(
                                with(
                                        with(Donation.strokeAfterCirculatoryDeath(), "ageYears", 6),
                                        "heightCm",
                                        116.0),
                                "weightKg",
                                21.0),
                        "causeOfDeath",
                        "ANOXIA");

        var opened = Donation.openOnFamilyConsent(coordinator, child);
        var listed = coordinator.client().get(Donation.CASES + "?status=OPEN&limit=100");

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().path("pledgeId").isNull()).isTrue();
        assertThat(opened.json().path("record").path("ageYears").asInt()).isEqualTo(6);
        assertThat(opened.json().path("kidneyRisk").path("kdpi").isInt()).isTrue();
        assertThat(opened.json().path("kidneyRisk").path("factors").path("ageYears").asInt())
                .isEqualTo(6);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("total").asLong()).isPositive();
        assertThat(listed.json().path("items").findValuesAsString("id"))
                .contains(opened.text("id"));
    }

    @Test
    void aPledgeNotYetVerifiedIsNoConsentAndAFamilyConsentNamesNoPledge() {
        var coordinator = Accounts.coordinator();
        var donor = Registry.donorWithProfile();
        String pending = Registry.pledgeId(donor, Registry.kidneyPledge());

        var unverified = openFromPledge(coordinator, pending);
        var mixed =
                coordinator
                        .client()
                        .post(
                                Donation.CASES,
                                json(
                                        "consent",
                                        "FAMILY",
                                        "pledgeId",
                                        pending,
                                        "record",
                                        Donation.strokeAfterCirculatoryDeath()));
        var verified =
                coordinator.client().post("/api/v1/admin/pledges/" + pending + "/verify", json());
        var fromThePledge = openFromPledge(coordinator, pending);

        assertThat(unverified.status()).as(unverified.toString()).isEqualTo(409);
        assertThat(unverified.text("detail")).contains("PENDING").contains("FAMILY");
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(Registry.fields(mixed)).containsExactly("pledgeId");
        // The refusals stored nothing: once verified, the same pledge opens its donor's one case
        // (a case stored by a refusal would make this a 409 donor-has-case).
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(fromThePledge.status()).as(fromThePledge.toString()).isEqualTo(201);
        assertThat(fromThePledge.text("pledgeId")).isEqualTo(pending);
    }

    @Test
    void everyWrongFieldIsNamedInOneAnswer() {
        var coordinator = Accounts.coordinator();
        Map<String, Object> wrong = Donation.strokeAfterCirculatoryDeath();
        wrong = with(wrong, "ageYears", 140);
        wrong = with(wrong, "bloodGroup", "Q+");
        wrong = with(wrong, "terminalCreatinine", json("value", 1.0, "unit", "mmol/L"));
        wrong = with(wrong, "declaredDeadAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        wrong = with(wrong, "organsConsented", List.of());

        var refused = coordinator.client().post(Donation.CASES, json("record", wrong));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Registry.fields(refused))
                .containsExactly(
                        "consent",
                        "record.ageYears",
                        "record.bloodGroup",
                        "record.terminalCreatinine.unit",
                        "record.declaredDeadAt",
                        "record.organsConsented");
    }

    @Test
    void anAmendmentRecomputesKdriAndAStaleOneIsRefused() {
        var coordinator = Accounts.coordinator();
        var opened =
                Donation.openOnFamilyConsent(coordinator, Donation.strokeAfterCirculatoryDeath());
        String id = opened.text("id");
        Map<String, Object> headTraumaAfterAll =
                with(Donation.strokeAfterCirculatoryDeath(), "causeOfDeath", "HEAD_TRAUMA");

        var amended =
                coordinator
                        .client()
                        .withHeader("If-Match", "\"0\"")
                        .put(Donation.CASES + "/" + id + "/record", headTraumaAfterAll);
        var stale =
                coordinator
                        .client()
                        .withHeader("If-Match", "\"0\"")
                        .put(
                                Donation.CASES + "/" + id + "/record",
                                Donation.strokeAfterCirculatoryDeath());

        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.header("ETag")).isEqualTo("\"1\"");
        assertThat(
                        amended.json()
                                .path("kidneyRisk")
                                .path("factors")
                                .path("causeOfDeathCva")
                                .asBoolean())
                .isFalse();
        // without the stroke term, KDRI is e^0.0743 lower
        assertThat(amended.json().path("kidneyRisk").path("kdri").asDouble())
                .isCloseTo(
                        opened.json().path("kidneyRisk").path("kdri").asDouble() / Math.exp(0.0743),
                        within(1e-9));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(Registry.audit(coordinator, "DONOR_RECORD_AMENDED", "donation case", id))
                .singleElement()
                .satisfies(row -> assertThat(row.toString()).contains("causeOfDeath"));
    }

    @Test
    void theRecoveryNamesConsentedOrgansAndACrossClampAfterDeath() {
        var coordinator = Accounts.coordinator();
        String id =
                Donation.openOnFamilyConsent(coordinator, Donation.strokeAfterCirculatoryDeath())
                        .text("id");

        var notConsented =
                Donation.recover(coordinator, id, List.of("HEART"), Donation.hoursAgo(3));
        var recovered = Donation.recover(coordinator, id, List.of("KIDNEY"), Donation.hoursAgo(1));
        var narrowed =
                coordinator
                        .client()
                        .put(
                                Donation.CASES + "/" + id + "/record",
                                with(
                                        Donation.strokeAfterCirculatoryDeath(),
                                        "organsConsented",
                                        List.of("LIVER")));

        assertThat(notConsented.status()).as(notConsented.toString()).isEqualTo(400);
        assertThat(Registry.fields(notConsented))
                .containsExactly("organsRecovered", "crossClampAt");
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        assertThat(recovered.text("status")).isEqualTo("RECOVERED");
        assertThat(recovered.json().path("organsRecovered").get(0).asString()).isEqualTo("KIDNEY");
        assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(409);
        assertThat(Registry.audit(coordinator, "ORGANS_RECOVERED", "donation case", id)).hasSize(1);
    }
}
