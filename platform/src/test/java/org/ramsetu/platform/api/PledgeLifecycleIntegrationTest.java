package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ramsetu.platform.api.Registry.audit;
import static org.ramsetu.platform.api.Registry.json;
import static org.ramsetu.platform.api.Registry.kidneyPledge;
import static org.ramsetu.platform.api.Registry.mailContaining;
import static org.ramsetu.platform.api.Registry.pledgeId;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.registry.pledges.ChangingPledgeStatus;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The life cycle of a pledge over HTTP: PENDING → VERIFIED → DONATED, rejection with a reason,
 * withdrawal by the donor; every illegal transition refused with 409 naming the current status;
 * every change audited and mailed to the donor; one open pledge per donor and organ.
 */
class PledgeLifecycleIntegrationTest {

    private static Accounts.SignedIn coordinator;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
    }

    @Test
    void aPledgeIsPendingThenVerifiedThenDonatedWithAMailAndAnAuditEntryForEachStep() {
        var donor = Registry.donorWithProfile();

        var created = donor.client().post("/api/v1/pledges", kidneyPledge());
        String id = created.text("id");
        var verified = verify(id);
        JsonNode donated = markDonated(id);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/pledges/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.text("status")).isEqualTo("PENDING");
        assertThat(created.text("donorId")).isEqualTo(donor.id().toString());
        assertThat(created.text("consentGivenAt")).isNotBlank();
        assertThat(created.json().path("kidney").path("creatinine").path("value").asDouble())
                .isEqualTo(0.9);
        assertThat(created.json().path("donor").path("bloodGroup").asString()).isEqualTo("O+");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.text("status")).isEqualTo("VERIFIED");
        assertThat(verified.header("ETag")).isEqualTo("\"1\"");
        assertThat(donated.path("status").asString()).isEqualTo("DONATED");
        assertThat(donated.path("version").asLong()).isEqualTo(2);
        assertThat(mailContaining(donor.email(), "kidney pledge is PENDING")).isNotNull();
        assertThat(mailContaining(donor.email(), "kidney pledge is VERIFIED")).isNotNull();
        assertThat(mailContaining(donor.email(), "kidney pledge is DONATED")).isNotNull();
        assertThat(audit(coordinator, "PLEDGE_CREATED", "pledge", id)).hasSize(1);
        JsonNode verifiedRow = audit(coordinator, "PLEDGE_VERIFIED", "pledge", id).get(0);
        assertThat(verifiedRow.path("actorId").asString()).isEqualTo(coordinator.id().toString());
        assertThat(verifiedRow.path("detail").path("from").asString()).isEqualTo("PENDING");
        assertThat(audit(coordinator, "PLEDGE_DONATED", "pledge", id)).hasSize(1);
    }

    /** Issue 21, item 4: a verification of the wrong pledge is taken back within minutes. */
    @Test
    void theVerifyingCoordinatorUndoesAVerificationWithinTenMinutesAndNobodyElseDoes() {
        var donor = Registry.donorWithProfile();
        String id = Registry.pledge(donor, kidneyPledge()).path("id").asString();
        verify(id);

        var colleague = Accounts.coordinator().client().post(undo(id), json());
        var undone = coordinator.client().post(undo(id), json());
        var twice = coordinator.client().post(undo(id), json());

        assertThat(colleague.status()).as(colleague.toString()).isEqualTo(409);
        assertThat(colleague.text("type")).endsWith("undo-not-yours");
        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        assertThat(undone.text("status")).isEqualTo("PENDING");
        assertThat(undone.header("ETag")).isEqualTo("\"2\"");
        assertRefused(twice, "PENDING");
        assertThat(
                        mailContaining(
                                donor.email(), "verification of your kidney pledge a few minutes"))
                .isNotNull();
        assertThat(audit(coordinator, "PLEDGE_VERIFICATION_UNDONE", "pledge", id))
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row.path("detail").path("from").asString())
                                        .isEqualTo("VERIFIED"));
        // Back in the queue, it is verified again as any pending pledge; ten minutes on, the
        // verification stands and is corrected only by a rejection, for everyone to see.
        assertThat(verify(id).text("status")).isEqualTo("VERIFIED");
        PlatformInstance.get()
                .context()
                .getBean(JdbcClient.class)
                .sql(
                        "update pledge set status_changed_at = now() - interval '11 minutes'"
                                + " where id = :id")
                .param("id", UUID.fromString(id))
                .update();
        var late = coordinator.client().post(undo(id), json());
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.text("type")).endsWith("undo-expired");
        assertThat(read(coordinator, id).path("status").asString()).isEqualTo("VERIFIED");
        assertThat(donor.client().post(undo(id), json()).status()).isEqualTo(403);
    }

    private static String undo(String id) {
        return "/api/v1/admin/pledges/" + id + "/undo-verify";
    }

    @Test
    void aCoordinatorRejectsOnlyWithAReasonAndTheDonorReadsItEscapedInTheMail() {
        var donor = Registry.donorWithProfile();
        String id = pledgeId(donor, kidneyPledge());

        var withoutReason =
                coordinator.client().post("/api/v1/admin/pledges/" + id + "/reject", json());
        var blankReason =
                coordinator
                        .client()
                        .post("/api/v1/admin/pledges/" + id + "/reject", json("reason", "  "));
        var rejected =
                coordinator
                        .client()
                        .post(
                                "/api/v1/admin/pledges/" + id + "/reject",
                                json("reason", "Creatinine report <unreadable>; upload it again"));

        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(Registry.fields(withoutReason)).containsExactly("reason");
        assertThat(blankReason.status()).isEqualTo(400);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("rejectionReason"))
                .isEqualTo("Creatinine report <unreadable>; upload it again");
        String mail = mailContaining(donor.email(), "kidney pledge is REJECTED");
        assertThat(mail).contains("Creatinine report <unreadable>; upload it again");
        assertThat(mail).contains("Creatinine report &lt;unreadable&gt;; upload it again");
        JsonNode row = audit(coordinator, "PLEDGE_REJECTED", "pledge", id).get(0);
        assertThat(row.path("detail").path("reason").asString()).contains("unreadable");
    }

    @Test
    void theDonorWithdrawsAPendingOrAVerifiedPledgeAndMayPledgeTheOrganAgain() {
        var donor = Registry.donorWithProfile();
        String pending = pledgeId(donor, kidneyPledge());
        String verifiedLiver = pledgeId(donor, Registry.liverPledge());
        verify(verifiedLiver);

        var first = withdraw(donor, pending);
        var second = withdraw(donor, verifiedLiver);
        var again = donor.client().post("/api/v1/pledges", kidneyPledge());

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("WITHDRAWN");
        assertThat(second.text("status")).isEqualTo("WITHDRAWN");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(mailContaining(donor.email(), "liver pledge is WITHDRAWN")).isNotNull();
        JsonNode row = audit(coordinator, "PLEDGE_WITHDRAWN", "pledge", pending).get(0);
        assertThat(row.path("actorId").asString()).isEqualTo(donor.id().toString());
    }

    @Test
    void everyIllegalTransitionIsRefusedWith409NamingTheCurrentStatusAndChangesNothing() {
        var donor = Registry.donorWithProfile();
        String pending = pledgeId(donor, kidneyPledge());
        String verified = pledgeId(donor, Registry.liverPledge());
        verify(verified);
        String donated = pledgeId(donor, Registry.heartPledge());
        verify(donated);
        markDonated(donated);
        String rejected = pledgeId(donor, Registry.corneaPledge());
        reject(rejected);
        var second = Registry.donorWithProfile();
        String withdrawn = pledgeId(second, kidneyPledge());
        withdraw(second, withdrawn);

        // Over HTTP: verify, reject (coordinator) and withdraw (donor) from every final status.
        assertRefused(verify(verified), "VERIFIED");
        for (String finalPledge : new String[] {donated, rejected}) {
            String status = donated.equals(finalPledge) ? "DONATED" : "REJECTED";
            assertRefused(verify(finalPledge), status);
            assertRefused(reject(finalPledge), status);
            assertRefused(withdraw(donor, finalPledge), status);
        }
        assertRefused(verify(withdrawn), "WITHDRAWN");
        assertRefused(reject(withdrawn), "WITHDRAWN");
        assertRefused(withdraw(second, withdrawn), "WITHDRAWN");
        // The matching workflow's step: only a verified pledge can be donated.
        for (String[] notVerified :
                new String[][] {
                    {pending, "PENDING"},
                    {donated, "DONATED"},
                    {rejected, "REJECTED"},
                    {withdrawn, "WITHDRAWN"}
                }) {
            assertThatThrownBy(() -> markDonated(notVerified[0]))
                    .isInstanceOf(Conflict.class)
                    .hasMessageContaining("the pledge is " + notVerified[1])
                    .satisfies(
                            e ->
                                    assertThat(ApiProblem.from((Conflict) e).status().value())
                                            .isEqualTo(409));
        }

        assertThat(read(donor, pending).path("status").asString()).isEqualTo("PENDING");
        assertThat(read(donor, pending).path("version").asLong()).isZero();
        assertThat(read(donor, verified).path("version").asLong()).isEqualTo(1);
        assertThat(read(donor, donated).path("status").asString()).isEqualTo("DONATED");
        assertThat(read(second, withdrawn).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aDonorHoldsOneOpenPledgePerOrgan() {
        var donor = Registry.donorWithProfile();
        String first = pledgeId(donor, kidneyPledge());

        var secondWhilePending = donor.client().post("/api/v1/pledges", kidneyPledge());
        verify(first);
        var secondWhileVerified = donor.client().post("/api/v1/pledges", kidneyPledge());
        var otherOrgan = donor.client().post("/api/v1/pledges", Registry.liverPledge());

        assertThat(secondWhilePending.status()).isEqualTo(409);
        assertThat(secondWhilePending.json().path("type").asString())
                .endsWith("open-pledge-exists");
        assertThat(secondWhilePending.text("detail")).contains(first).contains("PENDING");
        assertThat(secondWhileVerified.status()).isEqualTo(409);
        assertThat(secondWhileVerified.text("detail")).contains("VERIFIED");
        assertThat(otherOrgan.status()).isEqualTo(201);
    }

    @Test
    void onlyDonorsWithAProfilePledgeAndOnlyCoordinatorsVerifyOrReject() {
        var withoutProfile = Accounts.donor();
        var patient = Accounts.patient();
        var donor = Registry.donorWithProfile();
        String id = pledgeId(donor, kidneyPledge());

        var noProfile = withoutProfile.client().post("/api/v1/pledges", kidneyPledge());
        var byPatient = patient.client().post("/api/v1/pledges", kidneyPledge());
        var donorVerifies = donor.client().post("/api/v1/admin/pledges/" + id + "/verify", json());
        var donorRejects =
                donor.client()
                        .post("/api/v1/admin/pledges/" + id + "/reject", json("reason", "mine"));

        assertThat(noProfile.status()).isEqualTo(409);
        assertThat(noProfile.text("detail")).contains("PUT /api/v1/donors/me");
        assertThat(byPatient.status()).isEqualTo(403);
        assertThat(byPatient.text("detail")).contains("only donor accounts can pledge organs");
        assertThat(donorVerifies.status()).isEqualTo(403);
        assertThat(donorRejects.status()).isEqualTo(403);
        assertThat(read(donor, id).path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void anotherUsersPledgeIsNotFoundForReadingAndForWithdrawing() {
        var owner = Registry.donorWithProfile();
        String id = pledgeId(owner, kidneyPledge());
        var otherDonor = Accounts.donor();
        var patient = Accounts.patient();

        var readByOther = otherDonor.client().get("/api/v1/pledges/" + id);
        var readByPatient = patient.client().get("/api/v1/pledges/" + id);
        var withdrawnByOther = withdraw(otherDonor, id);
        var withdrawnByCoordinator = withdraw(coordinator, id);
        var unknown = owner.client().get("/api/v1/pledges/" + UUID.randomUUID());
        var notAnId = owner.client().get("/api/v1/pledges/not-an-id");

        assertThat(readByOther.status()).isEqualTo(404);
        assertThat(readByOther.body()).doesNotContain("KIDNEY");
        assertThat(readByPatient.status()).isEqualTo(404);
        assertThat(withdrawnByOther.status()).isEqualTo(404);
        assertThat(withdrawnByCoordinator.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(readByOther.text("detail")).isEqualTo("no pledge with id " + id);
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(read(owner, id).path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void aCoordinatorReadOfAPledgeIsAuditedAndTheDonorsOwnReadIsNot() {
        var donor = Registry.donorWithProfile();
        String id = pledgeId(donor, kidneyPledge());

        var byDonor = donor.client().get("/api/v1/pledges/" + id);
        int beforeCoordinator = audit(coordinator, "MEDICAL_RECORD_READ", "pledge", id).size();
        var byCoordinator = coordinator.client().get("/api/v1/pledges/" + id);

        assertThat(byDonor.status()).isEqualTo(200);
        assertThat(beforeCoordinator).isZero();
        assertThat(byCoordinator.status()).isEqualTo(200);
        assertThat(byCoordinator.text("donorId")).isEqualTo(donor.id().toString());
        var rows = audit(coordinator, "MEDICAL_RECORD_READ", "pledge", id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("actorId").asString()).isEqualTo(coordinator.id().toString());
    }

    private static ApiClient.Response verify(String id) {
        return coordinator.client().post("/api/v1/admin/pledges/" + id + "/verify", json());
    }

    private static ApiClient.Response reject(String id) {
        return coordinator
                .client()
                .post(
                        "/api/v1/admin/pledges/" + id + "/reject",
                        json("reason", "reports do not match the donor"));
    }

    private static ApiClient.Response withdraw(Accounts.SignedIn who, String id) {
        return who.client().post("/api/v1/pledges/" + id + "/withdraw", (String) null);
    }

    /** What the matching workflow will call once a match is carried out. */
    private static JsonNode markDonated(String id) {
        var view =
                PlatformInstance.get()
                        .context()
                        .getBean(ChangingPledgeStatus.class)
                        .markDonated(
                                new CurrentUser(coordinator.id(), Role.ADMIN),
                                new PledgeId(UUID.fromString(id)),
                                ExpectedVersion.any());
        return ApiClient.JSON.valueToTree(view);
    }

    private static JsonNode read(Accounts.SignedIn who, String id) {
        var response = who.client().get("/api/v1/pledges/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static void assertRefused(ApiClient.Response response, String status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().path("type").asString()).endsWith("illegal-transition");
        assertThat(response.text("detail")).contains("the pledge is " + status);
    }
}
