package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.audit;
import static org.ramsetu.platform.api.Registry.json;
import static org.ramsetu.platform.api.Registry.mailContaining;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Verified listings (issue 20, item 2): a request counts for allocation only once a coordinator of
 * the patient's centre has checked it and set its urgency; distances run from the centre's verified
 * place, never from a hospital the patient typed.
 */
class VerifiedListingIntegrationTest {

    private static Accounts.SignedIn administrator;
    private static Accounts.SignedIn bystander;

    @BeforeAll
    static void signIn() {
        administrator = Accounts.administrator();
        bystander = Accounts.coordinator();
    }

    @Test
    void aPendingRequestCountsForNothingUntilItsCentreVerifiesItAndSetsItsUrgency() {
        Matching.Place at = Matching.place();
        String pledge =
                Matching.verifiedPledge(
                        at, "AB+", Matching.PATIENT_HLA, Registry.heartPledge(), bystander);
        var patient = Matching.patient(at, "AB-", Matching.PATIENT_HLA, List.of());
        // The centre is a degree of latitude north of the hospital the patient typed.
        String centre = centre(at.latitude() + 1.0, at.longitude(), List.of("HEART"));
        var centreCoordinator = coordinatorOf(centre);
        var otherCentreCoordinator =
                coordinatorOf(centre(at.latitude(), at.longitude(), List.of("HEART")));

        Map<String, Object> body = Registry.heartRequest(3);
        body.put("centreId", centre);
        var created = patient.client().post("/api/v1/transplant-requests", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("status")).isEqualTo("PENDING_VERIFICATION");
        assertThat(created.json().path("centre").path("id").asString()).isEqualTo(centre);

        JsonNode before = allocation(pledge);
        assertThat(before.toString()).as("a pending request is not on the list").doesNotContain(id);
        var matchRun =
                bystander.client().post("/api/v1/transplant-requests/" + id + "/match-runs", "{}");
        assertThat(matchRun.status()).as(matchRun.toString()).isEqualTo(409);

        String pendingAtMine =
                "/api/v1/transplant-requests?status=PENDING_VERIFICATION&centre=mine";
        assertThat(centreCoordinator.client().get(pendingAtMine).json().path("items").toString())
                .as("the centre's coordinator finds it among their centre's pending requests")
                .contains(id);
        assertThat(
                        otherCentreCoordinator
                                .client()
                                .get(pendingAtMine)
                                .json()
                                .path("items")
                                .toString())
                .doesNotContain(id);
        var noCentre = bystander.client().get(pendingAtMine);
        var notAnId = bystander.client().get("/api/v1/transplant-requests?centre=kem");
        assertThat(noCentre.status()).isEqualTo(400);
        assertThat(Registry.fields(noCentre)).containsExactly("centre");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(
                        bystander
                                .client()
                                .get("/api/v1/transplant-requests?centre=" + centre)
                                .json()
                                .path("items")
                                .toString())
                .contains(id);
        String verify = "/api/v1/admin/transplant-requests/" + id + "/verify";
        Map<String, Object> check =
                json("urgency", 5, "evidence", "status 1A on ECMO since 2026-12-01");
        var byNoCentre = bystander.client().post(verify, check);
        var byOtherCentre = otherCentreCoordinator.client().post(verify, check);
        var byPatient = patient.client().post(verify, check);
        var withoutEvidence = centreCoordinator.client().post(verify, json("urgency", 5));
        var outOfRange =
                centreCoordinator.client().post(verify, json("urgency", 6, "evidence", "x"));
        assertThat(byNoCentre.status()).as(byNoCentre.toString()).isEqualTo(403);
        assertThat(byNoCentre.text("type")).endsWith("/not-a-centre-coordinator");
        assertThat(byOtherCentre.status()).as(byOtherCentre.toString()).isEqualTo(403);
        assertThat(byOtherCentre.text("type")).endsWith("/another-centre");
        assertThat(byPatient.status()).isEqualTo(403);
        assertThat(withoutEvidence.status()).isEqualTo(400);
        assertThat(Registry.fields(withoutEvidence)).containsExactly("evidence");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(Registry.fields(outOfRange)).containsExactly("urgency");
        assertThat(patient.client().get("/api/v1/transplant-requests/" + id).text("status"))
                .as("refusals change nothing")
                .isEqualTo("PENDING_VERIFICATION");

        var verified = centreCoordinator.client().post(verify, check);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.text("status")).isEqualTo("WAITING");
        assertThat(verified.json().path("urgency").asInt())
                .as("the centre's, not the patient's")
                .isEqualTo(5);
        assertThat(verified.json().path("verification").path("urgencyEvidence").asString())
                .isEqualTo("status 1A on ECMO since 2026-12-01");
        assertThat(verified.header("ETag")).isEqualTo("\"1\"");
        var again = centreCoordinator.client().post(verify, check);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);

        JsonNode after = allocation(pledge);
        assertThat(
                        Matching.rankedRequest(after, id)
                                .path("components")
                                .path("distanceKm")
                                .asDouble())
                .as("measured from the centre, a degree north of the typed hospital")
                .isBetween(110.0, 112.0);
        // An administrator corrects the centre's place: the cached waiting list is read again.
        var read = administrator.client().get(Registry.CENTRES + "/" + centre);
        Map<String, Object> corrected =
                json(
                        "name", read.text("name"),
                        "registrationNumber", read.text("registrationNumber"),
                        "city", read.text("city"),
                        "state", read.text("state"),
                        "latitude", at.latitude(),
                        "longitude", at.longitude(),
                        "programmes", List.of("HEART"));
        var amended =
                administrator
                        .client()
                        .withHeader("If-Match", read.header("ETag"))
                        .put(Registry.CENTRES + "/" + centre, corrected);
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(
                        Matching.rankedRequest(allocation(pledge), id)
                                .path("components")
                                .path("distanceKm")
                                .asDouble())
                .as("measured from the corrected place")
                .isEqualTo(0.0);
        List<JsonNode> rows =
                audit(centreCoordinator, "TRANSPLANT_REQUEST_VERIFIED", "transplant request", id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).toString()).contains("\"urgency\":5").contains(centre);
        assertThat(mailContaining(patient.email(), "heart transplant request is WAITING"))
                .contains("urgency 5 of 5");
    }

    @Test
    void aRequestNamingNoCentreIsTakenOnByTheFirstCentreThatVerifiesItAndTransplantsTheOrgan() {
        var patient = Registry.patientWithProfile();
        var created = patient.client().post("/api/v1/transplant-requests", Registry.liverRequest());
        String id = created.text("id");
        assertThat(created.json().has("centre")).isFalse();
        String verify = "/api/v1/admin/transplant-requests/" + id + "/verify";
        Map<String, Object> check = json("urgency", 4, "evidence", "labs of 2026-12-04 checked");

        var kidneyOnly =
                coordinatorOf(centre(18.5, 73.8, List.of("KIDNEY"))).client().post(verify, check);
        String liverCentre = centre(18.5, 73.8, List.of("LIVER"));
        var verified = coordinatorOf(liverCentre).client().post(verify, check);

        assertThat(kidneyOnly.status()).as(kidneyOnly.toString()).isEqualTo(409);
        assertThat(kidneyOnly.text("type")).endsWith("/no-programme");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("centre").path("id").asString()).isEqualTo(liverCentre);
        assertThat(
                        patient.client()
                                .get("/api/v1/transplant-requests/" + id)
                                .json()
                                .path("centre")
                                .path("id")
                                .asString())
                .isEqualTo(liverCentre);
    }

    @Test
    void aPatientFindsTheCentresOfAnOrganAndCanNameOnlyOneThatTransplantsIt() {
        var patient = Registry.patientWithProfile();
        String kidneyCentre = centre(18.5, 73.8, List.of("KIDNEY"));

        var list = patient.client().get("/api/v1/centres?organ=KIDNEY&limit=100");
        Map<String, Object> unknown = Registry.liverRequest();
        unknown.put("centreId", UUID.randomUUID().toString());
        Map<String, Object> noProgramme = Registry.liverRequest();
        noProgramme.put("centreId", kidneyCentre);
        var toUnknown = patient.client().post("/api/v1/transplant-requests", unknown);
        var toKidneyCentre = patient.client().post("/api/v1/transplant-requests", noProgramme);

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().path("total").asLong()).isPositive();
        assertThat(list.json().path("items").toString())
                .contains(kidneyCentre)
                .doesNotContain("latitude")
                .doesNotContain("registrationNumber");
        assertThat(toUnknown.status()).isEqualTo(400);
        assertThat(Registry.fields(toUnknown)).containsExactly("centreId");
        assertThat(toKidneyCentre.status()).isEqualTo(400);
        assertThat(Registry.fields(toKidneyCentre)).containsExactly("centreId");
        assertThat(patient.client().get("/api/v1/transplant-requests").json().path("items").size())
                .as("nothing stored")
                .isZero();
    }

    @Test
    void aVerifiedListingThePatientChangesAwaitsItsCentreAgainForTheChangedFields() {
        var patient = Registry.patientWithProfile();
        JsonNode listed = Registry.request(patient, Registry.liverRequest());
        String id = listed.path("id").asString();
        String clinical = "/api/v1/transplant-requests/" + id + "/clinical";
        Map<String, Object> same = json("liver", Registry.liverRequest().get("liver"));
        @SuppressWarnings("unchecked")
        Map<String, Object> newLabs =
                new HashMap<>((Map<String, Object>) Registry.liverRequest().get("liver"));
        newLabs.put("inr", 2.6);
        newLabs.put("bilirubin", json("value", 6.1, "unit", "mg/dL"));

        var unchanged = patient.client().put(clinical, same);
        var byCoordinator = bystander.client().put(clinical, json("liver", newLabs));
        var byOtherPatient =
                Registry.patientWithProfile().client().put(clinical, json("liver", newLabs));
        var wrongOrgan = patient.client().put(clinical, json("heart", json("statusTier", 2)));
        var changed =
                patient.client()
                        .put(
                                clinical,
                                json("liver", newLabs, "version", listed.path("version").asLong()));
        var stale = patient.client().put(clinical, json("liver", same.get("liver"), "version", 1));

        assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(200);
        assertThat(unchanged.text("status")).isEqualTo("WAITING");
        assertThat(unchanged.header("ETag")).as("nothing written").isEqualTo("\"1\"");
        assertThat(byCoordinator.status()).isEqualTo(403);
        assertThat(byOtherPatient.status()).isEqualTo(404);
        assertThat(wrongOrgan.status()).isEqualTo(400);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("status")).isEqualTo("PENDING_VERIFICATION");
        assertThat(changed.json().path("unverifiedFields").toString())
                .isEqualTo("[\"liver.bilirubin\",\"liver.inr\"]");
        assertThat(changed.json().path("scores").path("meldNa").path("score").asInt())
                .isGreaterThan(listed.path("scores").path("meldNa").path("score").asInt());
        assertThat(changed.json().path("verification").path("urgencyEvidence").asString())
                .as("the last check stays visible")
                .isNotBlank();
        assertThat(changed.text("labsDueAt")).isNotBlank();
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        var matchRun =
                bystander.client().post("/api/v1/transplant-requests/" + id + "/match-runs", "{}");
        assertThat(matchRun.status()).as("out of allocation until checked").isEqualTo(409);
        List<JsonNode> rows =
                audit(
                        bystander,
                        "TRANSPLANT_REQUEST_CLINICAL_VALUES_CHANGED",
                        "transplant request",
                        id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).toString()).contains("liver.inr").contains("PENDING_VERIFICATION");
        assertThat(mailContaining(patient.email(), "counts for allocation again only once"))
                .contains("liver.bilirubin, liver.inr");

        var sameCentre = Accounts.coordinator();
        Registry.assign(sameCentre.email(), changed.json().path("centre").path("id").asString());
        JsonNode reverified = Registry.verified(changed.json(), sameCentre);
        assertThat(reverified.has("unverifiedFields")).isFalse();
        var removed =
                bystander
                        .client()
                        .post(
                                "/api/v1/admin/transplant-requests/" + id + "/remove",
                                json("reason", "transplanted abroad"));
        assertThat(removed.status()).isEqualTo(200);
        var afterRemoval = patient.client().put(clinical, same);
        assertThat(afterRemoval.status()).as(afterRemoval.toString()).isEqualTo(409);
    }

    private static String centre(double latitude, double longitude, List<String> programmes) {
        Map<String, Object> body = Registry.newCentre();
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        body.put("programmes", programmes);
        return Registry.registeredCentre(administrator, body);
    }

    private static Accounts.SignedIn coordinatorOf(String centre) {
        var coordinator = Accounts.coordinator();
        Registry.assign(coordinator.email(), centre);
        return coordinator;
    }

    private static JsonNode allocation(String pledge) {
        var run = bystander.client().post("/api/v1/pledges/" + pledge + "/allocation-runs", "{}");
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        return Matching.wholeAllocationRun(bystander, run.text("id"));
    }
}
