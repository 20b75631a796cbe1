package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.json;
import static org.ramsetu.platform.api.Registry.with;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The registry of transplant centres over HTTP: administrators keep it, every coordinator reads it,
 * nobody else does; one centre per registration number; coordinators work for one centre at most;
 * every refusal names what is wrong and stores nothing.
 */
class CentreIntegrationTest {

    static final String PROBLEMS = "https://ramsetu.org/problems/";

    @Test
    void anAdministratorRegistersACentreThatEveryCoordinatorFindsAndNobodyElseSees() {
        var administrator = Accounts.administrator();
        var coordinator = Accounts.coordinator();
        var patient = Accounts.patient();
        Map<String, Object> body = Registry.newCentre();

        var created = administrator.client().post(Registry.CENTRES, body);
        String id = created.text("id");
        var read = coordinator.client().get(Registry.CENTRES + "/" + id);
        var found =
                coordinator
                        .client()
                        .get(
                                Registry.CENTRES
                                        + "?q="
                                        + ((String) body.get("registrationNumber"))
                                                .substring(7)
                                                .toLowerCase()
                                        + "&organ=kidney&state=MAHARASHTRA");
        var notHeart =
                coordinator
                        .client()
                        .get(
                                Registry.CENTRES
                                        + "?q="
                                        + ((String) body.get("registrationNumber")).substring(7)
                                        + "&organ=HEART");
        var byPatient = patient.client().get(Registry.CENTRES + "/" + id);
        var listByPatient = patient.client().get(Registry.CENTRES);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(Registry.CENTRES + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.text("state")).isEqualTo("Maharashtra");
        assertThat(created.json().path("programmes").toString())
                .isEqualTo("[\"KIDNEY\",\"LIVER\"]");
        assertThat(created.json().path("coordinators").asLong()).isZero();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text("registrationNumber")).isEqualTo(body.get("registrationNumber"));
        assertThat(read.json().path("latitude").asDouble()).isEqualTo(18.5196);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("total").asLong()).isEqualTo(1);
        assertThat(found.json().path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(notHeart.json().path("total").asLong()).isZero();
        assertThat(byPatient.status()).isEqualTo(403);
        assertThat(listByPatient.status()).isEqualTo(403);
        assertThat(Registry.audit(administrator, "CENTRE_REGISTERED", "transplant centre", id))
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row.toString())
                                        .contains((String) body.get("registrationNumber"))
                                        .contains(administrator.id().toString()));
    }

    @Test
    void theBootstrapCoordinatorIsAnAdministrator() {
        var bootstrap =
                Accounts.logIn(
                        PlatformInstance.COORDINATOR_EMAIL, PlatformInstance.COORDINATOR_PASSWORD);

        var created = bootstrap.client().post(Registry.CENTRES, Registry.newCentre());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void onlyAnAdministratorKeepsTheRegistry() {
        var administrator = Accounts.administrator();
        var coordinator = Accounts.coordinator();
        Map<String, Object> body = Registry.newCentre();
        String id = Registry.registeredCentre(administrator, Registry.newCentre());
        String member = Accounts.coordinator().email();

        var register = coordinator.client().post(Registry.CENTRES, body);
        var amend = coordinator.client().put(Registry.CENTRES + "/" + id, Registry.newCentre());
        var assign =
                coordinator
                        .client()
                        .post(Registry.CENTRES + "/" + id + "/coordinators", json("email", member));
        var byDonor = Accounts.donor().client().post(Registry.CENTRES, body);
        var stored =
                coordinator
                        .client()
                        .get(
                                Registry.CENTRES
                                        + "?q="
                                        + ((String) body.get("registrationNumber")).substring(7));

        assertThat(register.status()).as(register.toString()).isEqualTo(403);
        assertThat(register.text("type")).isEqualTo(PROBLEMS + "administrator-only");
        assertThat(amend.status()).isEqualTo(403);
        assertThat(assign.status()).isEqualTo(403);
        assertThat(byDonor.status()).isEqualTo(403);
        assertThat(stored.json().path("total").asLong()).isZero();
        assertThat(coordinator.client().get(Registry.CENTRES + "/" + id).text("version"))
                .isEqualTo("0");
        assertThat(
                        coordinator
                                .client()
                                .get(Registry.CENTRES + "/" + id + "/coordinators")
                                .json()
                                .size())
                .isZero();
    }

    @Test
    void aRefusedCentreNamesEveryWrongFieldAndStoresNothing() {
        var administrator = Accounts.administrator();
        Map<String, Object> body = Registry.newCentre();
        Map<String, Object> wrong =
                with(
                        with(with(with(body, "name", " "), "state", "Atlantis"), "latitude", 95.0),
                        "programmes",
                        List.of());
        Map<String, Object> badNumber = with(body, "registrationNumber", "MH;TTX");
        Map<String, Object> twice = with(body, "programmes", List.of("KIDNEY", "kidney"));

        var refused = administrator.client().post(Registry.CENTRES, wrong);
        var refusedNumber = administrator.client().post(Registry.CENTRES, badNumber);
        var refusedTwice = administrator.client().post(Registry.CENTRES, twice);
        var stored =
                administrator
                        .client()
                        .get(
                                Registry.CENTRES
                                        + "?q="
                                        + ((String) body.get("registrationNumber")).substring(7));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Registry.fields(refused))
                .containsExactly("name", "state", "latitude", "programmes");
        assertThat(Registry.fields(refusedNumber)).containsExactly("registrationNumber");
        assertThat(
                        Registry.fields(
                                administrator
                                        .client()
                                        .post(
                                                Registry.CENTRES,
                                                with(
                                                        with(body, "latitude", null),
                                                        "longitude",
                                                        null))))
                .containsExactly("latitude", "longitude");
        assertThat(Registry.fields(refusedTwice)).containsExactly("programmes");
        assertThat(refusedTwice.body()).contains("names KIDNEY twice");
        assertThat(stored.json().path("total").asLong()).isZero();
    }

    @Test
    void aRegistrationNumberBelongsToOneCentreWhateverItsSpelling() {
        var administrator = Accounts.administrator();
        Map<String, Object> first = Registry.newCentre();
        String number = (String) first.get("registrationNumber");
        String id = Registry.registeredCentre(administrator, first);
        String other = Registry.registeredCentre(administrator, Registry.newCentre());

        var again =
                administrator
                        .client()
                        .post(
                                Registry.CENTRES,
                                with(
                                        Registry.newCentre(),
                                        "registrationNumber",
                                        number.toLowerCase().replace("/", "/ ")));
        var taken =
                administrator
                        .client()
                        .withHeader("If-Match", "\"0\"")
                        .put(
                                Registry.CENTRES + "/" + other,
                                with(Registry.newCentre(), "registrationNumber", number));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo(PROBLEMS + "registration-number-taken");
        assertThat(again.text("detail")).contains(id);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.text("type")).isEqualTo(PROBLEMS + "registration-number-taken");
        assertThat(administrator.client().get(Registry.CENTRES + "/" + other).text("version"))
                .isEqualTo("0");
    }

    @Test
    void aCorrectionNeedsTheVersionReadAndIsAuditedWithWhatChanged() {
        var administrator = Accounts.administrator();
        Map<String, Object> body = Registry.newCentre();
        String id = Registry.registeredCentre(administrator, body);
        Map<String, Object> moved =
                with(with(body, "latitude", 18.5310), "programmes", List.of("KIDNEY", "HEART"));

        var amended =
                administrator
                        .client()
                        .withHeader("If-Match", "\"0\"")
                        .put(Registry.CENTRES + "/" + id, moved);
        var stale =
                administrator
                        .client()
                        .withHeader("If-Match", "\"0\"")
                        .put(Registry.CENTRES + "/" + id, body);
        var same =
                administrator
                        .client()
                        .withHeader("If-Match", "\"1\"")
                        .put(Registry.CENTRES + "/" + id, moved);

        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.header("ETag")).isEqualTo("\"1\"");
        assertThat(amended.json().path("latitude").asDouble()).isEqualTo(18.5310);
        assertThat(amended.json().path("programmes").toString())
                .isEqualTo("[\"KIDNEY\",\"HEART\"]");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.text("version")).isEqualTo("1");
        assertThat(Registry.audit(administrator, "CENTRE_AMENDED", "transplant centre", id))
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row.toString())
                                        .contains("coordinates programmes")
                                        .doesNotContain("name"));
    }

    @Test
    void aCoordinatorWorksForOneCentreAtATime() {
        var administrator = Accounts.administrator();
        var coordinator = Accounts.coordinator();
        String first = Registry.registeredCentre(administrator, Registry.newCentre());
        String second = Registry.registeredCentre(administrator, Registry.newCentre());
        String member = coordinator.id().toString();
        Map<String, Object> byEmail = json("email", coordinator.email().toUpperCase());

        var assigned =
                administrator
                        .client()
                        .post(Registry.CENTRES + "/" + first + "/coordinators", byEmail);
        var again =
                administrator
                        .client()
                        .post(Registry.CENTRES + "/" + first + "/coordinators", byEmail);
        var moved =
                administrator
                        .client()
                        .post(Registry.CENTRES + "/" + second + "/coordinators", byEmail);
        var leftFirst = coordinator.client().get(Registry.CENTRES + "/" + first + "/coordinators");
        var countedSecond = coordinator.client().get(Registry.CENTRES + "/" + second);
        var aDonor =
                administrator
                        .client()
                        .post(
                                Registry.CENTRES + "/" + second + "/coordinators",
                                json("email", Accounts.donor().email()));
        var notAnEmail =
                administrator
                        .client()
                        .post(
                                Registry.CENTRES + "/" + second + "/coordinators",
                                json("email", "meera"));
        var unknownCentre =
                administrator
                        .client()
                        .post(
                                Registry.CENTRES + "/" + UUID.randomUUID() + "/coordinators",
                                byEmail);
        String membership = Registry.CENTRES + "/" + second + "/coordinators/" + member;
        var removed = administrator.client().send("DELETE", membership, null);
        var removedAgain = administrator.client().send("DELETE", membership, null);

        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get(0).path("accountId").asString()).isEqualTo(member);
        assertThat(assigned.json().get(0).path("email").asString()).isEqualTo(coordinator.email());
        assertThat(again.json().size()).isEqualTo(1);
        assertThat(moved.json().get(0).path("accountId").asString()).isEqualTo(member);
        assertThat(leftFirst.json().size()).isZero();
        assertThat(countedSecond.json().path("coordinators").asLong()).isEqualTo(1);
        assertThat(aDonor.status()).isEqualTo(400);
        assertThat(Registry.fields(aDonor)).containsExactly("email");
        assertThat(Registry.fields(notAnEmail)).containsExactly("email");
        assertThat(unknownCentre.status()).isEqualTo(404);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(removedAgain.status()).isEqualTo(404);
        assertThat(
                        Registry.audit(
                                administrator, "COORDINATOR_ASSIGNED", "transplant centre", first))
                .hasSize(1);
        assertThat(
                        Registry.audit(
                                administrator, "COORDINATOR_ASSIGNED", "transplant centre", second))
                .singleElement()
                .satisfies(row -> assertThat(row.toString()).contains(first));
        assertThat(
                        Registry.audit(
                                administrator,
                                "COORDINATOR_UNASSIGNED",
                                "transplant centre",
                                second))
                .hasSize(1);
    }
}
