package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.audit;
import static org.ramsetu.platform.api.Registry.encoded;
import static org.ramsetu.platform.api.Registry.fields;
import static org.ramsetu.platform.api.Registry.json;
import static org.ramsetu.platform.api.Registry.kidneyPledge;
import static org.ramsetu.platform.api.Registry.pledgeId;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pledge lists: donors see their own; coordinators see everyone's, filtered by status, organ, city,
 * state and blood group, page by page in keyset order, each listed pledge an audited read.
 */
class PledgeListIntegrationTest {

    private static Accounts.SignedIn coordinator;
    private static String city;
    private static Accounts.SignedIn asha;
    private static Accounts.SignedIn ravi;
    private static String ashaKidney;
    private static String ashaLiver;
    private static String raviKidney;

    /**
     * Two donors in a city of their own: Asha (O+) pledges kidney and liver, Ravi (A-) a kidney.
     */
    @BeforeAll
    static void pledgesInOneCity() {
        coordinator = Accounts.coordinator();
        city = Registry.uniqueCity("Nashik");
        asha = Registry.donorWithProfile(city, "O+");
        ravi = Registry.donorWithProfile(city.toUpperCase(), "A-");
        ashaKidney = pledgeId(asha, kidneyPledge());
        ashaLiver = pledgeId(asha, Registry.liverPledge());
        raviKidney = pledgeId(ravi, kidneyPledge());
        var verified =
                coordinator
                        .client()
                        .post("/api/v1/admin/pledges/" + raviKidney + "/verify", json());
        assertThat(verified.status()).isEqualTo(200);
    }

    @Test
    void aCoordinatorPagesThroughACitysPledgesNewestFirstWithoutGapsOrRepeats() {
        var first = list("city=" + encoded(city.toLowerCase()) + "&limit=2");
        var second = list("city=" + encoded(city) + "&limit=2&after=" + first.text("nextCursor"));

        assertThat(ids(first)).containsExactly(raviKidney, ashaLiver);
        assertThat(first.text("nextCursor")).isNotBlank();
        assertThat(ids(second)).containsExactly(ashaKidney);
        assertThat(second.text("nextCursor")).isNull();
        assertThat(first.json().path("total").asLong())
                .as("the whole filtered list, whichever page")
                .isEqualTo(3);
        assertThat(second.json().path("total").asLong()).isEqualTo(3);
        assertThat(list("city=" + encoded(city) + "&status=PENDING").json().path("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void theReviewQueueIsWorkedFromItsHeadOldestFirst() {
        var first = list("city=" + encoded(city) + "&sort=oldest&limit=2");
        var second =
                list(
                        "city="
                                + encoded(city)
                                + "&sort=OLDEST&limit=2&after="
                                + first.text("nextCursor"));
        var pending = list("city=" + encoded(city) + "&status=PENDING&sort=oldest");
        var unknown =
                coordinator.client().get("/api/v1/pledges?city=" + encoded(city) + "&sort=name");

        assertThat(ids(first)).containsExactly(ashaKidney, ashaLiver);
        assertThat(ids(second)).containsExactly(raviKidney);
        assertThat(second.text("nextCursor")).isNull();
        assertThat(first.json().path("total").asLong()).isEqualTo(3);
        assertThat(ids(pending)).containsExactly(ashaKidney, ashaLiver);
        String ashasAddress = asha.email().substring(0, asha.email().indexOf('@'));
        assertThat(ids(list("sort=oldest&q=" + encoded(ashasAddress.toUpperCase()))))
                .as("a part of the donor's e-mail address, any case")
                .containsExactly(ashaKidney, ashaLiver);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("sort");
    }

    @Test
    void aDonorWhoMovesTakesTheirPledgesAlongInTheCoordinatorsFilters() {
        String from = Registry.uniqueCity("Surat");
        String to = Registry.uniqueCity("Ranchi");
        var mover = Registry.donorWithProfile(from, "B-");
        String pledge = pledgeId(mover, kidneyPledge());
        var read = mover.client().get("/api/v1/donors/me");

        var moved =
                mover.client()
                        .withHeader("If-Match", read.header("ETag"))
                        .put("/api/v1/donors/me", Registry.donorProfile(to, "B-"));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(ids(list("city=" + encoded(to)))).containsExactly(pledge);
        assertThat(ids(list("city=" + encoded(from)))).isEmpty();
    }

    @Test
    void aCoordinatorFiltersByStatusOrganStateAndBloodGroup() {
        String inCity = "city=" + encoded(city);

        assertThat(ids(list(inCity + "&organ=KIDNEY"))).containsExactly(raviKidney, ashaKidney);
        assertThat(ids(list(inCity + "&status=verified"))).containsExactly(raviKidney);
        assertThat(ids(list(inCity + "&organ=KIDNEY&status=PENDING"))).containsExactly(ashaKidney);
        assertThat(ids(list(inCity + "&state=maharashtra&organ=LIVER"))).containsExactly(ashaLiver);
        assertThat(ids(list(inCity + "&state=Kerala"))).isEmpty();
        assertThat(ids(list(inCity + "&bloodGroup=" + encoded("O+"))))
                .containsExactly(ashaLiver, ashaKidney);
        assertThat(ids(list(inCity + "&bloodGroup=A"))).containsExactly(raviKidney);
        assertThat(ids(list(inCity + "&bloodGroup=" + encoded("A+")))).isEmpty();
    }

    @Test
    void aDonorListsOnlyTheirOwnPledgesWhateverTheFilter() {
        var own = asha.client().get("/api/v1/pledges?city=" + encoded(city));
        var patient = Accounts.patient().client().get("/api/v1/pledges");

        assertThat(own.status()).isEqualTo(200);
        assertThat(ids(own)).containsExactly(ashaLiver, ashaKidney);
        assertThat(own.json().path("total").asLong()).as("counts only their own").isEqualTo(2);
        assertThat(patient.status()).isEqualTo(403);
    }

    @Test
    void eachPledgeAListShowsACoordinatorIsAnAuditedMedicalRead() {
        int before = audit(coordinator, "MEDICAL_RECORD_READ", "pledge", ashaLiver).size();

        list("city=" + encoded(city) + "&organ=LIVER");

        assertThat(audit(coordinator, "MEDICAL_RECORD_READ", "pledge", ashaLiver))
                .hasSize(before + 1);
    }

    @Test
    void badFiltersAndCursorsAreRefusedNamingTheParameter() {
        var status = coordinator.client().get("/api/v1/pledges?status=SLEEPING");
        var state = coordinator.client().get("/api/v1/pledges?state=Atlantis");
        var bloodGroup = coordinator.client().get("/api/v1/pledges?bloodGroup=Q");
        var cursor = coordinator.client().get("/api/v1/pledges?after=not-a-cursor");
        var limit = coordinator.client().get("/api/v1/pledges?limit=1000");

        assertThat(fields(status)).containsExactly("status");
        assertThat(fields(state)).containsExactly("state");
        assertThat(fields(bloodGroup)).containsExactly("bloodGroup");
        assertThat(fields(cursor)).containsExactly("after");
        assertThat(fields(limit)).containsExactly("limit");
        assertThat(List.of(status, state, bloodGroup, cursor, limit))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
    }

    private static ApiClient.Response list(String query) {
        var response = coordinator.client().get("/api/v1/pledges?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static List<String> ids(ApiClient.Response page) {
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }
}
