package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Items 3 and 6: coordinators from bootstrap only; the audit log, its viewer and its guarantees.
 */
class AuditLogIntegrationTest {

    @Test
    void theBootstrapCoordinatorCanSignInAndItsCreationIsAudited() {
        var bootstrap =
                Accounts.logIn(
                        PlatformInstance.COORDINATOR_EMAIL, PlatformInstance.COORDINATOR_PASSWORD);

        var me = bootstrap.client().get("/api/v1/me");
        var grants =
                bootstrap
                        .client()
                        .get("/api/v1/admin/audit?action=ROLE_GRANTED&targetId=" + bootstrap.id());

        assertThat(me.json().path("role").asString()).isEqualTo("ADMIN");
        assertThat(grants.json().path("items").get(0).path("detail").path("grantedBy").asString())
                .isEqualTo("bootstrap");
    }

    @Test
    void securityEventsAndCoordinatorActionsAreRecordedAndPagedNewestFirst() {
        var donor = Accounts.donor();
        PlatformInstance.client()
                .post(
                        "/api/v1/auth/login",
                        Map.of("email", donor.email(), "password", "wrong one here"));
        var coordinator = Accounts.coordinator();

        var failed =
                coordinator
                        .client()
                        .get("/api/v1/admin/audit?action=LOGIN_FAILED&actorId=" + donor.id());
        var page1 = coordinator.client().get("/api/v1/admin/audit?limit=2");
        long next = page1.json().path("nextBefore").asLong();
        var page2 = coordinator.client().get("/api/v1/admin/audit?limit=2&before=" + next);
        var ownRequests =
                coordinator
                        .client()
                        .get(
                                "/api/v1/admin/audit?action=COORDINATOR_REQUEST&actorId="
                                        + coordinator.id());

        assertThat(failed.json().path("items").get(0).path("outcome").asString())
                .isEqualTo("FAILURE");
        assertThat(failed.json().path("items").get(0).path("clientIp").asString()).isNotBlank();
        Set<Long> ids = new HashSet<>();
        page1.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        page2.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        assertThat(ids).hasSize(4);
        assertThat(page2.json().path("items").get(0).path("id").asLong()).isLessThan(next);
        assertThat(ownRequests.json().path("items").size())
                .as("the coordinator's own reads of the audit log are audited")
                .isGreaterThanOrEqualTo(3);
        assertThat(coordinator.client().get("/api/v1/admin/audit?limit=0").status()).isEqualTo(400);
    }

    @Test
    void aPartOfAnActionsNameFindsEveryActionContainingItAndActorsAreNamed() {
        var coordinator = Accounts.coordinator();
        var donor = Registry.donorWithProfile();
        String kidney = Registry.pledgeId(donor, Registry.kidneyPledge());
        String liver = Registry.pledgeId(donor, Registry.liverPledge());
        coordinator.client().post("/api/v1/admin/pledges/" + kidney + "/verify", Map.of());
        coordinator
                .client()
                .post(
                        "/api/v1/admin/pledges/" + liver + "/reject",
                        Map.of("reason", "report unreadable"));
        String byCoordinator = "/api/v1/admin/audit?actorId=" + coordinator.id();

        var pledgeActions = coordinator.client().get(byCoordinator + "&action=pledge_&limit=10");
        var exact = coordinator.client().get(byCoordinator + "&action=pledge_verified");
        var firstOfTwo = coordinator.client().get(byCoordinator + "&action=PLEDGE_&limit=1");
        var secondOfTwo =
                coordinator
                        .client()
                        .get(
                                byCoordinator
                                        + "&action=PLEDGE_&limit=1&before="
                                        + firstOfTwo.json().path("nextBefore").asLong());
        var nothing = coordinator.client().get(byCoordinator + "&action=no_such_thing");

        assertThat(actions(pledgeActions)).containsExactly("PLEDGE_REJECTED", "PLEDGE_VERIFIED");
        assertThat(pledgeActions.json().path("items").get(0).path("actorName").asString())
                .as("the name Accounts.coordinator() gives")
                .isEqualTo("Test Coordinator");
        assertThat(actions(exact)).containsExactly("PLEDGE_VERIFIED");
        assertThat(actions(firstOfTwo)).containsExactly("PLEDGE_REJECTED");
        assertThat(actions(secondOfTwo)).containsExactly("PLEDGE_VERIFIED");
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.json().path("items").size()).isZero();
        assertThat(pledgeActions.json().path("total").asLong()).isEqualTo(2);
        assertThat(secondOfTwo.json().path("total").asLong()).isEqualTo(2);
        assertThat(secondOfTwo.json().has("totalAtLeast")).as("an exact count").isFalse();
        assertThat(nothing.json().path("total").asLong()).isZero();
    }

    private static java.util.List<String> actions(ApiClient.Response page) {
        java.util.List<String> actions = new java.util.ArrayList<>();
        page.json().path("items").forEach(i -> actions.add(i.path("action").asString()));
        return actions;
    }

    @Test
    void theAuditTableRefusesUpdatesAndDeletes() {
        JdbcClient jdbc = PlatformInstance.get().context().getBean(JdbcClient.class);
        Accounts.donor();

        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'X'").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .rootCause()
                .hasMessageContaining("append-only");
    }

    @Test
    void secretsAreStoredOnlyAsHashes() {
        var donor = Accounts.donor();
        JdbcClient jdbc = PlatformInstance.get().context().getBean(JdbcClient.class);

        String passwordHash =
                jdbc.sql("select password_hash from account where id = :id")
                        .param("id", donor.id())
                        .query(String.class)
                        .single();
        long plainRefresh =
                jdbc.sql(
                                "select count(*) from refresh_token where encode(token_hash, 'escape') = :t")
                        .param("t", donor.refreshToken())
                        .query(Long.class)
                        .single();

        assertThat(passwordHash).startsWith("$argon2id$").doesNotContain(Accounts.PASSWORD);
        assertThat(plainRefresh).isZero();
    }

    @Test
    void aDeliveredCodeMailLeavesNoCopyInTheOutboxOrTheQueue() throws Exception {
        String email = Accounts.newEmail("outbox");
        PlatformInstance.client()
                .post("/api/v1/auth/signup", Accounts.signUpBody("DONOR", email, "Outbox"));
        String code = PlatformInstance.mail().code(email);
        JdbcClient jdbc = PlatformInstance.get().context().getBean(JdbcClient.class);

        long copies = -1;
        for (int i = 0; i < 50 && copies != 0; i++) {
            copies =
                    jdbc.sql(
                                    "select (select count(*) from event_publication where"
                                            + " serialized_event like :c) + (select count(*) from job"
                                            + " where payload like :c)")
                            .param("c", "%" + code + "%")
                            .query(Long.class)
                            .single();
            Thread.sleep(100);
        }

        assertThat(copies).isZero();
    }
}
