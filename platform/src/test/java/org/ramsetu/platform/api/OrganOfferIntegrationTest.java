package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Organ offers down an allocation run of a donation case's kidney: one centre declines, one lets
 * its deadline pass (the shared test instance gives kidney offers {@link Donation#OFFER_RESPONSE},
 * so the scheduler escalates within the test), one says provisional yes and accepts; the transplant
 * is recorded. Answers after the deadline, second answers and answers from another centre are
 * refused.
 */
class OrganOfferIntegrationTest {

    private static Accounts.SignedIn coordinator;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
    }

    @Test
    void aCentresInboxIsPagedSoonestDeadlineFirstWithItsCount() {
        Matching.Place at = Matching.place();
        List<String> hla = Donation.typing();
        Donation.Candidate only = Donation.candidate(at, hla, "2015-01-01");
        for (int organ = 0; organ < 2; organ++) {
            Donation.startOffers(coordinator, Donation.kidneyRun(at, hla));
        }

        for (String status : List.of("open", "all")) {
            var firstPage =
                    only.centre().client().get("/api/v1/admin/offers?limit=1&status=" + status);
            assertThat(firstPage.status()).as(firstPage.toString()).isEqualTo(200);
            assertThat(firstPage.json().path("total").asLong()).isEqualTo(2);
            assertThat(firstPage.json().path("items")).hasSize(1);
            String cursor = firstPage.json().path("nextCursor").asString();
            assertThat(cursor).as("a second page follows").isNotBlank();
            var secondPage =
                    only.centre()
                            .client()
                            .get(
                                    "/api/v1/admin/offers?limit=1&status="
                                            + status
                                            + "&after="
                                            + cursor);
            assertThat(secondPage.status()).as(secondPage.toString()).isEqualTo(200);
            assertThat(secondPage.json().path("items")).hasSize(1);
            assertThat(
                            secondPage.json().path("nextCursor").isNull()
                                    || secondPage.json().path("nextCursor").isMissingNode())
                    .as("the last page: %s", secondPage)
                    .isTrue();
            JsonNode a = firstPage.json().path("items").get(0);
            JsonNode b = secondPage.json().path("items").get(0);
            assertThat(a.path("id").asString()).isNotEqualTo(b.path("id").asString());
            String key = status.equals("open") ? "respondBy" : "offeredAt";
            Instant firstKey = Instant.parse(a.path(key).asString());
            Instant secondKey = Instant.parse(b.path(key).asString());
            if (status.equals("open")) {
                assertThat(firstKey).as("soonest deadline first").isBeforeOrEqualTo(secondKey);
            } else {
                assertThat(firstKey).as("newest first").isAfterOrEqualTo(secondKey);
            }
        }
        var badCursor = only.centre().client().get("/api/v1/admin/offers?after=nonsense");
        assertThat(badCursor.status()).isEqualTo(400);

        // Searched by a part of the patient's e-mail address, any case; a text nobody has finds
        // none; a search on several lines is refused.
        String email = only.patient().email();
        String part =
                email.substring(email.lastIndexOf('-') + 1, email.indexOf('@'))
                        .toUpperCase(java.util.Locale.ROOT);
        var found = only.centre().client().get("/api/v1/admin/offers?status=all&q=" + part);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("total").asLong()).isEqualTo(2);
        var none = only.centre().client().get("/api/v1/admin/offers?status=all&q=zzqx-nobody");
        assertThat(none.json().path("total").asLong()).isZero();
        assertThat(none.json().path("items")).isEmpty();
        var lines = only.centre().client().get("/api/v1/admin/offers?q=a%0Ab");
        assertThat(lines.status()).isEqualTo(400);
        assertThat(lines.text("detail")).as("refused at the edge, by name").startsWith("q:");
    }

    @Test
    void aKidneyIsOfferedDownTheListUntilOneCentreAcceptsAndTheTransplantIsRecorded()
            throws InterruptedException {
        Matching.Place at = Matching.place();
        List<String> hla = Donation.typing();
        // Zero mismatches, so first; among them, the longest on dialysis first.
        Donation.Candidate first = Donation.candidate(at, hla, "2016-01-01");
        Donation.Candidate second = Donation.candidate(at, hla, "2017-01-01");
        Donation.Candidate third = Donation.candidate(at, hla, "2018-01-01");
        String runId = Donation.kidneyRun(at, hla);
        String offers = "/api/v1/admin/allocation-runs/" + runId + "/offers";

        var started = coordinator.client().post(offers, "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        JsonNode firstOffer = started.json().path("offers").get(0);
        assertThat(started.json().path("offers")).hasSize(1);
        assertThat(firstOffer.path("requestId").asString())
                .as("the candidates of this test lead the list: %s", started)
                .isEqualTo(first.requestId());
        assertThat(firstOffer.path("status").asString()).isEqualTo("OFFERED");
        assertThat(started.json().path("responseSeconds").asLong())
                .isEqualTo(Donation.OFFER_RESPONSE.toSeconds());
        var again = coordinator.client().post(offers, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("offers-started");

        // The first centre's inbox shows the offer with its patient's name, counted; the offer's
        // record names the patient to that centre only; another centre may not answer it.
        var inbox = first.centre().client().get("/api/v1/admin/offers");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        String offerId = firstOffer.path("id").asString();
        assertThat(inbox.json().path("items").get(0).path("id").asString()).isEqualTo(offerId);
        assertThat(inbox.json().path("total").asLong()).isEqualTo(1);
        String patientName =
                first.centre()
                        .client()
                        .get("/api/v1/transplant-requests/" + first.requestId())
                        .json()
                        .path("patient")
                        .path("fullName")
                        .asString();
        assertThat(patientName).isNotBlank();
        assertThat(inbox.json().path("items").get(0).path("patientName").asString())
                .isEqualTo(patientName);
        var record = first.centre().client().get("/api/v1/admin/offers/" + offerId);
        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        assertThat(record.text("patientName")).isEqualTo(patientName);
        assertThat(record.text("allocationRunId")).isEqualTo(runId);
        var recordElsewhere = second.centre().client().get("/api/v1/admin/offers/" + offerId);
        assertThat(recordElsewhere.status()).isEqualTo(200);
        assertThat(recordElsewhere.json().has("patientName"))
                .as("another centre sees the request, not who the patient is")
                .isFalse();
        assertThat(first.patient().client().get("/api/v1/admin/offers/" + offerId).status())
                .as("the console's paths are for coordinators")
                .isEqualTo(403);
        assertThat(
                        coordinator
                                .client()
                                .get("/api/v1/admin/offers/" + java.util.UUID.randomUUID())
                                .status())
                .isEqualTo(404);
        var stranger = answer(second.centre(), firstOffer, json("answer", "ACCEPT"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.text("type")).endsWith("another-centre");
        var noReason = answer(first.centre(), firstOffer, json("answer", "DECLINE"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(Registry.fields(noReason)).containsExactly("reason");

        // 1. The first centre declines: the second candidate is offered at once.
        var declined =
                answer(
                        first.centre(),
                        firstOffer,
                        json("answer", "DECLINE", "reason", "POSITIVE_CROSSMATCH"));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.text("status")).isEqualTo("DECLINED");
        var twice =
                answer(
                        first.centre(),
                        firstOffer,
                        json("answer", "DECLINE", "reason", "LOGISTICS"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("type")).endsWith("offer-answered");
        JsonNode secondOffer = offerTo(read(offers), second.requestId());
        assertThat(secondOffer.path("status").asString()).isEqualTo("OFFERED");
        assertThat(secondOffer.path("escalated").asBoolean()).isTrue();

        // 2. The second centre lets the deadline pass: the scheduler expires the offer and offers
        // the third candidate, with nobody asking.
        JsonNode escalated = awaitOfferTo(offers, third.requestId());
        JsonNode expired = offerTo(read(offers), second.requestId());
        assertThat(expired.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.path("declineReason").asString()).isEqualTo("NO_RESPONSE");
        var late = answer(second.centre(), secondOffer, json("answer", "ACCEPT"));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.text("type")).endsWith("offer-expired");
        assertThat(escalated.path("escalated").asBoolean()).isTrue();

        // 3. The third centre says yes pending a crossmatch, then accepts.
        var provisional = answer(third.centre(), escalated, json("answer", "PROVISIONAL_YES"));
        assertThat(provisional.status()).as(provisional.toString()).isEqualTo(200);
        assertThat(provisional.text("status")).isEqualTo("PROVISIONAL");
        assertThat(Instant.parse(provisional.text("respondBy")))
                .isAfter(Instant.parse(escalated.path("respondBy").asString()));
        var accepted =
                third.centre()
                        .client()
                        .post(
                                "/api/v1/admin/offers/"
                                        + escalated.path("id").asString()
                                        + "/answer",
                                json(
                                        "answer",
                                        "ACCEPT",
                                        "version",
                                        provisional.json().path("version").asLong()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        var acceptedTwice = answer(third.centre(), escalated, json("answer", "ACCEPT"));
        assertThat(acceptedTwice.status()).isEqualTo(409);
        JsonNode placed = read(offers);
        assertThat(placed.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(placed.path("closedAt").isMissingNode()).isFalse();
        assertThat(request(third).path("status").asString()).isEqualTo("MATCHED");
        assertThat(request(first).path("status").asString()).isEqualTo("WAITING");

        // The transplant: the request leaves the list as TRANSPLANTED.
        String transplant =
                "/api/v1/admin/offers/" + escalated.path("id").asString() + "/transplant";
        var future =
                third.centre()
                        .client()
                        .post(
                                transplant,
                                json("transplantedAt", Instant.now().plusSeconds(3600).toString()));
        assertThat(future.status()).isEqualTo(400);
        var recorded =
                third.centre()
                        .client()
                        .post(transplant, json("transplantedAt", Instant.now().toString()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.text("transplantedAt")).isNotNull();
        assertThat(request(third).path("status").asString()).isEqualTo("TRANSPLANTED");
        // The recipient reads their request transplanted, and nothing of the donor or the run.
        var own = third.patient().client().get("/api/v1/transplant-requests/" + third.requestId());
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.text("status")).isEqualTo("TRANSPLANTED");
        assertThat(own.body())
                .doesNotContain(placed.path("donationCaseId").asString())
                .doesNotContain(runId)
                .doesNotContain("Civil Hospital");
        var offersToPatient = third.patient().client().get(offers);
        assertThat(offersToPatient.status()).isEqualTo(403);
        var declinedTransplant =
                first.centre()
                        .client()
                        .post(
                                "/api/v1/admin/offers/"
                                        + firstOffer.path("id").asString()
                                        + "/transplant",
                                json("transplantedAt", Instant.now().toString()));
        assertThat(declinedTransplant.status()).isEqualTo(409);

        // Outcomes follow: a week, then three months; each kept when the other is recorded.
        String outcome = "/api/v1/admin/offers/" + escalated.path("id").asString() + "/outcome";
        var none = third.centre().client().put(outcome, json());
        var unknownValue = third.centre().client().put(outcome, json("graftWeek1", "GREAT"));
        var week = third.centre().client().put(outcome, json("graftWeek1", "DELAYED_FUNCTION"));
        var months = third.centre().client().put(outcome, json("graftMonth3", "FUNCTIONING"));
        var beforeTransplant =
                first.centre()
                        .client()
                        .put(
                                "/api/v1/admin/offers/"
                                        + firstOffer.path("id").asString()
                                        + "/outcome",
                                json("graftWeek1", "FUNCTIONING"));
        assertThat(Registry.fields(none)).containsExactly("graftWeek1");
        assertThat(Registry.fields(unknownValue)).containsExactly("graftWeek1");
        assertThat(week.status()).as(week.toString()).isEqualTo(200);
        assertThat(months.text("graftWeek1")).isEqualTo("DELAYED_FUNCTION");
        assertThat(months.text("graftMonth3")).isEqualTo("FUNCTIONING");
        assertThat(beforeTransplant.status()).isEqualTo(409);
        assertThat(beforeTransplant.text("type")).endsWith("transplant-not-recorded");

        // Every party was told, without an identity: the centres their patient's listing and the
        // run, never the donor's hospital; the offering coordinator the rank, never the patient.
        String offered =
                Registry.mailContaining(first.centre().email(), "is offered for your patient");
        assertThat(offered).contains(first.requestId()).contains(runId).doesNotContain("Hospital");
        assertThat(Registry.mailContaining(second.centre().email(), "was not answered by"))
                .contains(second.requestId());
        String placedMail =
                Registry.mailContaining(
                        coordinator.email(), "accepted by the centre of the candidate");
        assertThat(placedMail)
                .contains("rank " + escalated.path("rank").asInt())
                .doesNotContain(third.requestId());

        // Decline reporting counts what happened, by reason and by centre.
        var report = coordinator.client().get("/api/v1/admin/offers/report?organ=KIDNEY");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode reasons = report.json().path("declinesByReason");
        assertThat(count(reasons, "reason", "POSITIVE_CROSSMATCH", "count")).isPositive();
        assertThat(count(reasons, "reason", "NO_RESPONSE", "count")).isPositive();
        JsonNode byCentre = report.json().path("byCentre");
        assertThat(
                        count(
                                byCentre,
                                "centreId",
                                firstOffer.path("centreId").asString(),
                                "outcomes.declined"))
                .isEqualTo(1);
        assertThat(
                        count(
                                byCentre,
                                "centreId",
                                escalated.path("centreId").asString(),
                                "outcomes.accepted"))
                .isEqualTo(1);
        assertThat(report.json().path("durations").path("answered").asLong()).isPositive();
        assertThat(report.json().path("durations").path("placed").asLong()).isPositive();

        // Every step is in the audit log.
        assertThat(
                        Registry.audit(
                                coordinator,
                                "OFFER_EXPIRED",
                                "organ offer",
                                secondOffer.path("id").asString()))
                .hasSize(1);
        assertThat(
                        Registry.audit(
                                coordinator,
                                "OFFER_ANSWERED",
                                "organ offer",
                                escalated.path("id").asString()))
                .hasSize(2);
        assertThat(
                        Registry.audit(
                                coordinator,
                                "TRANSPLANT_RECORDED",
                                "organ offer",
                                escalated.path("id").asString()))
                .hasSize(1);
    }

    @Test
    void onlyARecoveredOrganOfACaseIsOffered() {
        Matching.Place at = new Matching.Place("Nagpur", "Maharashtra", 21.1458, 79.0882);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String caseId =
                Donation.caseAt(at, "O+", now.minus(3, ChronoUnit.HOURS), List.of("KIDNEY"));
        Donation.recover(caseId, List.of("KIDNEY"), now.minus(2, ChronoUnit.HOURS));
        String caseRun = Donation.allocate(caseId, "KIDNEY").text("id");
        String pledge =
                Matching.verifiedPledge(
                        at, "O+", Matching.PATIENT_HLA, Registry.kidneyPledge(), coordinator);
        var pledgeRun =
                coordinator.client().post("/api/v1/pledges/" + pledge + "/allocation-runs", "{}");
        assertThat(pledgeRun.status()).as(pledgeRun.toString()).isEqualTo(201);

        var ofPledge =
                coordinator
                        .client()
                        .post(
                                "/api/v1/admin/allocation-runs/" + pledgeRun.text("id") + "/offers",
                                "{}");
        // The recovery is corrected: the kidney was not usable after all.
        var corrected = Donation.recover(caseId, List.of(), now.minus(2, ChronoUnit.HOURS));
        var ofCase =
                coordinator
                        .client()
                        .post("/api/v1/admin/allocation-runs/" + caseRun + "/offers", "{}");

        assertThat(ofPledge.status()).isEqualTo(409);
        assertThat(ofPledge.text("type")).endsWith("not-a-case-run");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(ofCase.status()).as(ofCase.toString()).isEqualTo(409);
        assertThat(ofCase.text("type")).endsWith("organ-not-recovered");
    }

    @Test
    void anOrganIsOfferedOnlyFromARunOfTheDonorRecordAsItStands() {
        Matching.Place at = new Matching.Place("Nagpur", "Maharashtra", 21.1458, 79.0882);
        List<String> hla = Donation.typing();
        Donation.Candidate only = Donation.candidate(at, hla, "2020-06-01");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant dead = now.minus(3, ChronoUnit.HOURS);
        String caseId = Donation.caseAt(at, "O+", dead, List.of("KIDNEY"), hla);
        var recovered = Donation.recover(caseId, List.of("KIDNEY"), now.minus(2, ChronoUnit.HOURS));
        String before = Donation.allocate(caseId, "KIDNEY").text("id");
        // The laboratory corrects the terminal creatinine after the waiting list was ranked.
        Map<String, Object> corrected = Donation.record(at, "O+", dead, List.of("KIDNEY"), hla);
        corrected.put("terminalCreatinine", json("value", 2.4, "unit", "mg/dL"));
        var amended =
                coordinator
                        .client()
                        .withHeader("If-Match", recovered.header("ETag"))
                        .put("/api/v1/admin/donation-cases/" + caseId + "/record", corrected);

        var fromStaleRun =
                coordinator
                        .client()
                        .post("/api/v1/admin/allocation-runs/" + before + "/offers", "{}");
        String after = Donation.allocate(caseId, "KIDNEY").text("id");
        var fromNewRun =
                coordinator
                        .client()
                        .post("/api/v1/admin/allocation-runs/" + after + "/offers", "{}");

        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(fromStaleRun.status()).as(fromStaleRun.toString()).isEqualTo(409);
        assertThat(fromStaleRun.text("type")).endsWith("case-changed");
        assertThat(fromNewRun.status()).as(fromNewRun.toString()).isEqualTo(201);
        assertThat(fromNewRun.json().path("offers").get(0).path("requestId").asString())
                .isEqualTo(only.requestId());
    }

    @Test
    void onlyCoordinatorsReadOffersAndOnlyCentresHaveAnInbox() {
        var unknown =
                coordinator
                        .client()
                        .get(
                                "/api/v1/admin/allocation-runs/"
                                        + java.util.UUID.randomUUID()
                                        + "/offers");
        var patient = Accounts.patient();
        var inboxOfNoCentre = coordinator.client().get("/api/v1/admin/offers");
        var patientInbox = patient.client().get("/api/v1/admin/offers");
        var badStatus = coordinator.client().get("/api/v1/admin/offers?status=some");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(inboxOfNoCentre.status()).isEqualTo(403);
        assertThat(inboxOfNoCentre.text("type")).endsWith("not-a-centre-coordinator");
        assertThat(patientInbox.status()).isIn(403, 404);
        assertThat(badStatus.status()).isEqualTo(400);
        var backwards =
                coordinator
                        .client()
                        .get("/api/v1/admin/offers/report?from=2026-12-01&to=2026-11-01");
        var tooLong =
                coordinator
                        .client()
                        .get("/api/v1/admin/offers/report?from=2020-01-01&to=2026-01-01");
        var lung = coordinator.client().get("/api/v1/admin/offers/report?organ=LUNG");
        var notADate = coordinator.client().get("/api/v1/admin/offers/report?from=yesterday");
        var patientReport = patient.client().get("/api/v1/admin/offers/report");
        var emptyPeriod =
                coordinator
                        .client()
                        .get("/api/v1/admin/offers/report?from=2025-01-01&to=2025-01-31");
        assertThat(Registry.fields(backwards)).containsExactly("to");
        assertThat(Registry.fields(tooLong)).containsExactly("from");
        assertThat(Registry.fields(lung)).containsExactly("organ");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(patientReport.status()).isIn(403, 404);
        assertThat(emptyPeriod.status()).as(emptyPeriod.toString()).isEqualTo(200);
        assertThat(emptyPeriod.json().path("total").path("offers").asLong()).isZero();
        assertThat(emptyPeriod.json().path("byCentre")).isEmpty();
        assertThat(emptyPeriod.json().path("declinesByReason")).isEmpty();
    }

    /** The number at {@code path} of the row whose {@code key} is {@code value}; 0 without one. */
    private static long count(JsonNode rows, String key, String value, String path) {
        for (JsonNode row : rows) {
            if (row.path(key).asString().equals(value)) {
                JsonNode at = row;
                for (String part : path.split("\\.")) {
                    at = at.path(part);
                }
                return at.asLong();
            }
        }
        return 0;
    }

    private static ApiClient.Response answer(
            Accounts.SignedIn centre, JsonNode offer, java.util.Map<String, Object> body) {
        return centre.client()
                .post("/api/v1/admin/offers/" + offer.path("id").asString() + "/answer", body);
    }

    private static JsonNode read(String offers) {
        var sequence = coordinator.client().get(offers);
        assertThat(sequence.status()).as(sequence.toString()).isEqualTo(200);
        return sequence.json();
    }

    private static JsonNode request(Donation.Candidate candidate) {
        var read = coordinator.client().get("/api/v1/transplant-requests/" + candidate.requestId());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    private static JsonNode offerTo(JsonNode sequence, String requestId) {
        List<String> seen = new ArrayList<>();
        for (JsonNode offer : sequence.path("offers")) {
            if (offer.path("requestId").asString().equals(requestId)) {
                return offer;
            }
            seen.add(offer.path("requestId").asString());
        }
        throw new AssertionError("no offer to " + requestId + " among " + seen);
    }

    /** Waits for the deadline and the scheduler's escalation (polling every 5 s). */
    private static JsonNode awaitOfferTo(String offers, String requestId)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(Donation.OFFER_RESPONSE).plusSeconds(45);
        while (Instant.now().isBefore(giveUp)) {
            for (JsonNode offer : read(offers).path("offers")) {
                if (offer.path("requestId").asString().equals(requestId)) {
                    return offer;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no escalation to " + requestId + ": " + read(offers));
    }
}
