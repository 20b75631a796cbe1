package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ramsetu.platform.api.Registry.audit;
import static org.ramsetu.platform.api.Registry.encoded;
import static org.ramsetu.platform.api.Registry.json;
import static org.ramsetu.platform.api.Registry.liverRequest;
import static org.ramsetu.platform.api.Registry.mailContaining;
import static org.ramsetu.platform.api.Registry.patientProfile;
import static org.ramsetu.platform.api.Registry.request;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.registry.requests.ChangingRequestStatus;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.registry.requests.TransplantRequestView;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.ApiProblem;
import tools.jackson.databind.JsonNode;

/**
 * The life cycle of a transplant request: WAITING → MATCHED → TRANSPLANTED, removal with a reason
 * by a coordinator, every illegal transition refused naming the current status; who may read it.
 */
class TransplantRequestLifecycleIntegrationTest {

    private static Accounts.SignedIn coordinator;
    private static ChangingRequestStatus changing;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
        changing = PlatformInstance.get().context().getBean(ChangingRequestStatus.class);
    }

    @Test
    void aRequestIsMatchedThenTransplantedByTheMatchingWorkflowWithMailAndAudit() {
        var patient = Registry.patientWithProfile();
        String id = request(patient, liverRequest()).path("id").asString();

        TransplantRequestView matched = step(ChangingRequestStatus::markMatched, id);
        TransplantRequestView transplanted = step(ChangingRequestStatus::markTransplanted, id);
        var read = patient.client().get("/api/v1/transplant-requests/" + id);

        assertThat(matched.status()).isEqualTo("MATCHED");
        assertThat(transplanted.status()).isEqualTo("TRANSPLANTED");
        assertThat(read.text("status")).isEqualTo("TRANSPLANTED");
        // listed (0), verified (1), matched (2), transplanted (3)
        assertThat(read.header("ETag")).isEqualTo("\"3\"");
        assertThat(mailContaining(patient.email(), "liver transplant request is MATCHED"))
                .isNotNull();
        assertThat(mailContaining(patient.email(), "liver transplant request is TRANSPLANTED"))
                .isNotNull();
        assertThat(audit(coordinator, "TRANSPLANT_REQUEST_MATCHED", "transplant request", id))
                .hasSize(1);
        assertThat(audit(coordinator, "TRANSPLANT_REQUEST_TRANSPLANTED", "transplant request", id))
                .hasSize(1);
    }

    @Test
    void aCoordinatorRemovesAWaitingOrMatchedRequestOnlyWithAReason() {
        var patient = Registry.patientWithProfile();
        String waiting = request(patient, liverRequest()).path("id").asString();
        String matched = request(patient, Registry.heartRequest(3)).path("id").asString();
        step(ChangingRequestStatus::markMatched, matched);

        var withoutReason = remove(waiting, null);
        var removed = remove(waiting, "patient moved to another transplant centre");
        var removedMatched = remove(matched, "donor organ declined on arrival");
        var relisted = patient.client().post("/api/v1/transplant-requests", liverRequest());

        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(Registry.fields(withoutReason)).containsExactly("reason");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.text("status")).isEqualTo("REMOVED");
        assertThat(removed.text("removalReason"))
                .isEqualTo("patient moved to another transplant centre");
        assertThat(removedMatched.text("status")).isEqualTo("REMOVED");
        assertThat(relisted.status()).as(relisted.toString()).isEqualTo(201);
        assertThat(mailContaining(patient.email(), "moved to another transplant centre"))
                .contains("is REMOVED");
        assertThat(audit(coordinator, "TRANSPLANT_REQUEST_REMOVED", "transplant request", waiting))
                .hasSize(1);
    }

    @Test
    void everyIllegalTransitionIsRefusedWith409NamingTheCurrentStatus() {
        var patient = Registry.patientWithProfile();
        String waiting = request(patient, liverRequest()).path("id").asString();
        String matched = request(patient, Registry.heartRequest(1)).path("id").asString();
        step(ChangingRequestStatus::markMatched, matched);
        String transplanted = request(patient, Registry.corneaRequest()).path("id").asString();
        step(ChangingRequestStatus::markMatched, transplanted);
        step(ChangingRequestStatus::markTransplanted, transplanted);
        String removed = request(patient, Registry.kidneyRequest(null)).path("id").asString();
        remove(removed, "listed in error");

        assertRefused(() -> step(ChangingRequestStatus::markTransplanted, waiting), "WAITING");
        assertRefused(() -> step(ChangingRequestStatus::markMatched, matched), "MATCHED");
        for (String[] last :
                new String[][] {{transplanted, "TRANSPLANTED"}, {removed, "REMOVED"}}) {
            assertRefused(() -> step(ChangingRequestStatus::markMatched, last[0]), last[1]);
            assertRefused(() -> step(ChangingRequestStatus::markTransplanted, last[0]), last[1]);
            var again = remove(last[0], "again");
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
            assertThat(again.text("detail")).contains("the transplant request is " + last[1]);
        }
        // each was verified once (version 1) before these steps
        assertThat(read(patient, waiting).path("version").asLong()).isEqualTo(1);
        assertThat(read(patient, matched).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aRemovalNamingAnOlderVersionIsRefusedAsChangedBySomeoneElse() {
        var patient = Registry.patientWithProfile();
        String id = request(patient, liverRequest()).path("id").asString();
        String etag = read(patient, id).path("version").asString();
        step(ChangingRequestStatus::markMatched, id);

        var stale =
                coordinator
                        .client()
                        .withHeader("If-Match", "\"" + etag + "\"")
                        .post(
                                "/api/v1/admin/transplant-requests/" + id + "/remove",
                                json("reason", "duplicate"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("changed by someone else");
        assertThat(read(patient, id).path("status").asString()).isEqualTo("MATCHED");
    }

    @Test
    void someoneElsesRequestIsNotFoundAndOnlyCoordinatorsRemove() {
        var owner = Registry.patientWithProfile();
        String id = request(owner, liverRequest()).path("id").asString();

        var byOther = Accounts.patient().client().get("/api/v1/transplant-requests/" + id);
        var byDonor = Accounts.donor().client().get("/api/v1/transplant-requests/" + id);
        var unknown = owner.client().get("/api/v1/transplant-requests/" + UUID.randomUUID());
        var removedByOwner =
                owner.client()
                        .post(
                                "/api/v1/admin/transplant-requests/" + id + "/remove",
                                json("reason", "changed my mind"));
        int auditedBefore =
                audit(coordinator, "MEDICAL_RECORD_READ", "transplant request", id).size();
        var byCoordinator = coordinator.client().get("/api/v1/transplant-requests/" + id);

        assertThat(byOther.status()).isEqualTo(404);
        assertThat(byDonor.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(removedByOwner.status()).isEqualTo(403);
        assertThat(auditedBefore).isZero();
        assertThat(byCoordinator.status()).isEqualTo(200);
        assertThat(audit(coordinator, "MEDICAL_RECORD_READ", "transplant request", id)).hasSize(1);
    }

    @Test
    void coordinatorsPageAndFilterTheWaitingListPatientsSeeTheirOwn() {
        String city = Registry.uniqueCity("Vellore");
        var first =
                Registry.patientWithProfile(
                        Registry.with(
                                Registry.with(patientProfile(), "hospital.city", city),
                                "hospital.state",
                                "Tamil Nadu"));
        var second =
                Registry.patientWithProfile(
                        Registry.with(
                                Registry.with(
                                        Registry.with(patientProfile(), "hospital.city", city),
                                        "hospital.state",
                                        "tamil nadu"),
                                "bloodGroup",
                                "O-"));
        String liver = request(first, liverRequest()).path("id").asString();
        String heart = request(first, Registry.heartRequest(4)).path("id").asString();
        String kidney = request(second, Registry.kidneyRequest(null)).path("id").asString();
        remove(heart, "improved; no longer needs a transplant");
        String inCity = "/api/v1/transplant-requests?city=" + encoded(city);

        var page1 = coordinator.client().get(inCity + "&limit=2");
        var page2 = coordinator.client().get(inCity + "&limit=2&after=" + page1.text("nextCursor"));

        assertThat(ids(page1)).containsExactly(kidney, heart);
        assertThat(ids(page2)).containsExactly(liver);
        assertThat(page2.text("nextCursor")).isNull();
        // The longest listed first, page by page: the waiting list worked from its head.
        var oldest1 = coordinator.client().get(inCity + "&sort=oldest&limit=2");
        var oldest2 =
                coordinator
                        .client()
                        .get(inCity + "&sort=oldest&limit=2&after=" + oldest1.text("nextCursor"));
        assertThat(ids(oldest1)).containsExactly(liver, heart);
        assertThat(ids(oldest2)).containsExactly(kidney);
        assertThat(ids(coordinator.client().get(inCity + "&status=WAITING&sort=oldest")))
                .containsExactly(liver, kidney);
        // Search by a part of the patient's name or e-mail address, any case; names are shown.
        String emailPart = second.email().substring(0, second.email().indexOf('@')).toUpperCase();
        var byEmail = coordinator.client().get(inCity + "&q=" + encoded(emailPart.substring(2)));
        var byName = coordinator.client().get(inCity + "&q=" + encoded("ST PATIENT"));
        var wildcard = coordinator.client().get(inCity + "&q=" + encoded("%"));
        assertThat(ids(byEmail)).containsExactly(kidney);
        assertThat(byEmail.json().path("total").asLong()).isEqualTo(1);
        assertThat(ids(byName)).containsExactly(kidney, heart, liver);
        assertThat(byName.json().path("items").get(0).path("patient").path("fullName").asString())
                .isEqualTo("Test patient");
        assertThat(ids(wildcard)).as("% is a character, not a wildcard").isEmpty();
        var tooLong = coordinator.client().get(inCity + "&q=" + "x".repeat(101));
        assertThat(Registry.fields(tooLong)).containsExactly("q");
        var unknownSort = coordinator.client().get(inCity + "&sort=sickest");
        assertThat(unknownSort.status()).isEqualTo(400);
        assertThat(Registry.fields(unknownSort)).containsExactly("sort");
        assertThat(page1.json().path("total").asLong()).isEqualTo(3);
        assertThat(page2.json().path("total").asLong()).isEqualTo(3);
        var waiting = coordinator.client().get(inCity + "&status=WAITING");
        assertThat(ids(waiting)).containsExactly(kidney, liver);
        assertThat(waiting.json().path("total").asLong()).isEqualTo(2);
        assertThat(ids(coordinator.client().get(inCity + "&organ=liver"))).containsExactly(liver);
        assertThat(ids(coordinator.client().get(inCity + "&bloodGroup=O"))).containsExactly(kidney);
        assertThat(ids(coordinator.client().get(inCity + "&state=Tamil%20Nadu")))
                .containsExactly(kidney, heart, liver);
        assertThat(ids(first.client().get("/api/v1/transplant-requests")))
                .containsExactly(heart, liver);
        assertThat(Accounts.donor().client().get("/api/v1/transplant-requests").status())
                .isEqualTo(403);
        assertThat(audit(coordinator, "MEDICAL_RECORD_READ", "transplant request", kidney))
                .isNotEmpty();
    }

    @Test
    void coordinatorsReadTheWaitingListWithTheSickestFirstPageByPage() {
        String city = Registry.uniqueCity("Madurai");
        var profile = Registry.with(patientProfile(), "hospital.city", city);
        var first = Registry.patientWithProfile(profile);
        var second = Registry.patientWithProfile(profile);
        var mildLiver =
                Registry.with(
                        Registry.with(liverRequest(), "urgency", 2), "liver.bilirubin.value", 1.1);
        var severeLiver =
                Registry.with(
                        Registry.with(liverRequest(), "urgency", 4), "liver.bilirubin.value", 9.5);
        String mild = request(first, mildLiver).path("id").asString();
        String kidney = request(first, Registry.kidneyRequest(null)).path("id").asString();
        String severe = request(second, severeLiver).path("id").asString();
        String heart = request(second, Registry.heartRequest(2)).path("id").asString();
        String inCity = "/api/v1/transplant-requests?status=WAITING&city=" + encoded(city);

        // urgency 5, 4, 3, 2
        assertThat(ids(coordinator.client().get(inCity + "&sort=urgency")))
                .containsExactly(heart, severe, kidney, mild);
        // MELD-Na highest first, then the requests without one, the longest listed first
        var byMeld = coordinator.client().get(inCity + "&sort=meld");
        assertThat(ids(byMeld)).containsExactly(severe, mild, kidney, heart);
        assertThat(
                        byMeld.json()
                                .path("items")
                                .get(0)
                                .path("scores")
                                .path("meldNa")
                                .path("score")
                                .asInt())
                .isGreaterThan(
                        byMeld.json()
                                .path("items")
                                .get(1)
                                .path("scores")
                                .path("meldNa")
                                .path("score")
                                .asInt());
        assertThat(byMeld.json().path("total").asLong()).isEqualTo(4);
        // One at a time, each page strictly after the last: the same list, nothing twice.
        for (String sort : List.of("urgency", "meld")) {
            List<String> paged = new ArrayList<>();
            Registry.onePageAtATime(coordinator.client(), inCity + "&sort=" + sort)
                    .forEach(page -> paged.addAll(ids(page)));
            assertThat(paged)
                    .as(sort)
                    .isEqualTo(ids(coordinator.client().get(inCity + "&sort=" + sort)));
        }
        // A cursor names a place in the order it was issued for, not in another.
        String meldCursor =
                coordinator.client().get(inCity + "&sort=meld&limit=1").text("nextCursor");
        String newestCursor = coordinator.client().get(inCity + "&limit=1").text("nextCursor");
        for (var crossed :
                List.of(
                        coordinator.client().get(inCity + "&after=" + meldCursor),
                        coordinator.client().get(inCity + "&sort=meld&after=" + newestCursor))) {
            assertThat(crossed.status()).as(crossed.toString()).isEqualTo(400);
            assertThat(Registry.fields(crossed)).containsExactly("after");
        }
    }

    private static TransplantRequestView step(Step step, String id) {
        return step.apply(
                changing,
                new CurrentUser(coordinator.id(), Role.ADMIN),
                new RequestId(UUID.fromString(id)));
    }

    /** A life-cycle step of {@link ChangingRequestStatus} that the matching workflow calls. */
    private interface Step {
        TransplantRequestView apply(
                ChangingRequestStatus changing,
                CurrentUser user,
                RequestId id,
                ExpectedVersion any);

        default TransplantRequestView apply(
                ChangingRequestStatus changing, CurrentUser user, RequestId id) {
            return apply(changing, user, id, ExpectedVersion.any());
        }
    }

    private static ApiClient.Response remove(String id, String reason) {
        return coordinator
                .client()
                .post(
                        "/api/v1/admin/transplant-requests/" + id + "/remove",
                        reason == null ? json() : json("reason", reason));
    }

    private static JsonNode read(Accounts.SignedIn who, String id) {
        var response = who.client().get("/api/v1/transplant-requests/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static void assertRefused(Runnable step, String status) {
        assertThatThrownBy(step::run)
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("the transplant request is " + status)
                .satisfies(
                        e ->
                                assertThat(ApiProblem.from((Conflict) e).status().value())
                                        .isEqualTo(409));
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }
}
