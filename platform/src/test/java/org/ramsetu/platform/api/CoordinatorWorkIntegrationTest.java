package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Coordinators' directories, CSV exports and dashboard figures (issue 7, item 4). */
class CoordinatorWorkIntegrationTest {

    @Test
    void donorsAreFoundByTheStartOfTheirNameOrEmailAndFilteredByCity() {
        String city = Registry.uniqueCity("Nashik");
        var donor = Registry.donorWithProfile(city, "B+");
        Registry.donorWithProfile(city, "O+");
        var coordinator = Accounts.coordinator().client();

        var byCity = coordinator.get("/api/v1/admin/donors?city=" + Registry.encoded(city));
        var byCityAndGroup =
                coordinator.get(
                        "/api/v1/admin/donors?bloodGroup=B%2B&city=" + Registry.encoded(city));
        var byEmail =
                coordinator.get(
                        "/api/v1/admin/donors?q="
                                + Registry.encoded(donor.email().substring(0, 14)));
        var paged = coordinator.get("/api/v1/admin/donors?limit=1&city=" + Registry.encoded(city));
        var second =
                coordinator.get(
                        "/api/v1/admin/donors?limit=1&city="
                                + Registry.encoded(city)
                                + "&after="
                                + paged.text("nextCursor"));

        assertThat(byCity.json().path("items").size()).isEqualTo(2);
        assertThat(byCityAndGroup.json().path("items").size()).isEqualTo(1);
        assertThat(byCityAndGroup.json().path("items").get(0).path("accountId").asString())
                .isEqualTo(donor.id().toString());
        assertThat(byEmail.body()).contains(donor.id().toString());
        assertThat(paged.json().path("items").size()).isEqualTo(1);
        assertThat(second.json().path("items").get(0).path("accountId").asString())
                .isNotEqualTo(paged.json().path("items").get(0).path("accountId").asString());
        assertThat(second.text("nextCursor")).isNull();
        assertThat(byCity.json().path("total").asLong()).isEqualTo(2);
        assertThat(byCityAndGroup.json().path("total").asLong()).isEqualTo(1);
        assertThat(second.json().path("total").asLong())
                .as("the whole list's count on every page")
                .isEqualTo(2);
    }

    /**
     * A donor's or patient's record page (issue 21): their directory entry by id, audited, and
     * their own pledges or requests; donors and patients list only their own.
     */
    @Test
    void aPersonsRecordPageReadsTheirEntryAndOnlyTheirListings() {
        var donor = Registry.donorWithProfile(Registry.uniqueCity("Satara"), "A+");
        String pledge = Registry.pledge(donor, Registry.kidneyPledge()).path("id").asString();
        Registry.pledge(Registry.donorWithProfile(), Registry.kidneyPledge());
        var patient = Registry.patientWithProfile();
        String request = Registry.request(patient, Registry.corneaRequest()).path("id").asString();
        var coordinator = Accounts.coordinator();

        var entry = coordinator.client().get("/api/v1/admin/donors/" + donor.id());
        assertThat(entry.status()).as(entry.toString()).isEqualTo(200);
        assertThat(entry.text("email")).isEqualTo(donor.email());
        assertThat(entry.text("bloodGroup")).isEqualTo("A+");
        assertThat(entry.json().path("openRecords").asInt()).isEqualTo(1);
        var patientEntry = coordinator.client().get("/api/v1/admin/patients/" + patient.id());
        assertThat(patientEntry.text("accountId")).isEqualTo(patient.id().toString());
        assertThat(patientEntry.json().path("openRecords").asInt()).isEqualTo(1);
        assertThat(
                        Registry.audit(
                                        coordinator,
                                        "MEDICAL_RECORDS_LISTED",
                                        "donor profile",
                                        "list")
                                .stream()
                                .filter(
                                        e ->
                                                e.path("detail")
                                                        .path("accountIds")
                                                        .toString()
                                                        .equals("[\"" + donor.id() + "\"]")))
                .as("the entry read is audited, naming whom")
                .isNotEmpty();
        // A donor is not a patient; nobody is under a random id; an id is an id.
        assertThat(coordinator.client().get("/api/v1/admin/patients/" + donor.id()).status())
                .isEqualTo(404);
        assertThat(coordinator.client().get("/api/v1/admin/donors/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(coordinator.client().get("/api/v1/admin/donors/not-an-id").status())
                .isEqualTo(400);
        assertThat(donor.client().get("/api/v1/admin/donors/" + donor.id()).status())
                .isEqualTo(403);

        var pledges = coordinator.client().get("/api/v1/pledges?donor=" + donor.id());
        assertThat(ids(pledges)).containsExactly(pledge);
        assertThat(pledges.json().path("total").asLong()).isEqualTo(1);
        assertThat(
                        ids(
                                coordinator
                                        .client()
                                        .get(
                                                "/api/v1/transplant-requests?patient="
                                                        + patient.id())))
                .containsExactly(request);
        assertThat(ids(donor.client().get("/api/v1/pledges?donor=" + donor.id())))
                .containsExactly(pledge);
        var someoneElses = donor.client().get("/api/v1/pledges?donor=" + UUID.randomUUID());
        assertThat(someoneElses.status()).as(someoneElses.toString()).isEqualTo(403);
        assertThat(
                        patient.client()
                                .get("/api/v1/transplant-requests?patient=" + donor.id())
                                .status())
                .isEqualTo(403);
        assertThat(coordinator.client().get("/api/v1/pledges?donor=nobody").status())
                .isEqualTo(400);
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        page.json().path("items").forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }

    @Test
    void aPledgeExportStreamsEveryMatchingPledgeAsCsvAndIsAudited() {
        String city = Registry.uniqueCity("Kochi");
        var donor = Registry.donorWithProfile(city, "A+");
        Registry.pledgeId(donor, Registry.kidneyPledge());
        Registry.pledgeId(donor, Registry.corneaPledge());
        var coordinator = Accounts.coordinator();

        var csv =
                coordinator
                        .client()
                        .get("/api/v1/admin/pledges/export?city=" + Registry.encoded(city));
        var audit =
                coordinator
                        .client()
                        .get(
                                "/api/v1/admin/audit?action=MEDICAL_RECORDS_EXPORTED&actorId="
                                        + coordinator.id());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("id,donor_id,full_name,email,organ,status");
        assertThat(csv.body()).contains("KIDNEY").contains("CORNEA").contains(donor.email());
        assertThat(audit.json().path("items").get(0).path("detail").path("rows").asInt())
                .isEqualTo(2);
    }

    @Test
    void anExportOfNothingStillHasItsHeaderAndAnUnknownFilterValueIsA400() {
        var coordinator = Accounts.coordinator().client();

        var empty = coordinator.get("/api/v1/admin/donors/export?q=zz-nobody-has-this-name");
        var badOrgan = coordinator.get("/api/v1/admin/pledges/export?organ=SPLEEN");

        assertThat(empty.body().lines().toList()).hasSize(1);
        assertThat(empty.body()).startsWith("id,full_name,email,blood_group");
        assertThat(badOrgan.status()).isEqualTo(400);
        assertThat(badOrgan.body()).contains("organ");
    }

    @Test
    void theStatsCountPledgesByOrganAboAndStatusAndTheWaitingList() {
        var coordinator = Accounts.coordinator().client();
        var before = coordinator.get("/api/v1/admin/stats").json();
        var donor = Registry.donorWithProfile(Registry.uniqueCity("Agra"), "AB-");
        Registry.pledgeId(donor, Registry.heartPledge());
        var patient = Registry.patientWithProfile();
        Registry.request(patient, Registry.liverRequest());

        var after = coordinator.get("/api/v1/admin/stats").json();

        assertThat(count(after.path("pledges"), "HEART", "AB", "PENDING"))
                .isEqualTo(count(before.path("pledges"), "HEART", "AB", "PENDING") + 1);
        assertThat(after.path("waitingList").toString()).contains("\"organ\":\"LIVER\"");
        assertThat(after.path("generatedAt").asString()).isNotBlank();
        assertThat(Accounts.donor().client().get("/api/v1/admin/stats").status()).isEqualTo(403);
    }

    private static long count(
            tools.jackson.databind.JsonNode rows, String organ, String abo, String status) {
        for (var row : rows) {
            if (row.path("organ").asString().equals(organ)
                    && row.path("bloodGroup").asString().equals(abo)
                    && row.path("status").asString().equals(status)) {
                return row.path("count").asLong();
            }
        }
        return 0;
    }
}
