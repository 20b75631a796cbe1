package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.api.Accounts;
import org.ramsetu.platform.api.ApiClient;
import org.ramsetu.platform.api.Matching;
import org.ramsetu.platform.api.PlatformInstance;
import org.ramsetu.platform.api.Registry;
import tools.jackson.databind.JsonNode;

/**
 * {@code /actuator/flags} on the shared {@code all} instance: coordinators only, every change
 * audited with the flag before and after, and the allocation canary flag really moving a run to the
 * new policy version. Each test puts back what it changed (the instance is shared).
 */
class FeatureFlagsIntegrationTest {

    private static Accounts.SignedIn coordinator;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
    }

    @Test
    void onlyCoordinatorsReadOrChangeFlags() {
        var donor = Accounts.donor();
        var anonymous = PlatformInstance.client();

        assertThat(anonymous.get("/actuator/flags").status()).isEqualTo(401);
        assertThat(donor.client().get("/actuator/flags").status()).isEqualTo(403);
        assertThat(
                        anonymous
                                .post(
                                        "/actuator/flags/scoring.prediction-cache",
                                        Map.of("enabled", false))
                                .status())
                .isEqualTo(401);
        assertThat(
                        donor.client()
                                .post(
                                        "/actuator/flags/scoring.prediction-cache",
                                        Map.of("enabled", false))
                                .status())
                .isEqualTo(403);

        var list = coordinator.client().get("/actuator/flags");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().path("environment").asString()).isEqualTo("production");
        List<String> keys = new java.util.ArrayList<>();
        list.json().path("flags").forEach(f -> keys.add(f.path("key").asString()));
        assertThat(keys).contains("allocation.policy-version", "scoring.prediction-cache");
        // The donor's attempt did not change the flag.
        assertThat(flag("scoring.prediction-cache").path("flag").path("version").asLong())
                .isEqualTo(flag("scoring.prediction-cache").path("flag").path("version").asLong());
    }

    @Test
    void aChangeIsAuditedWithTheFlagBeforeAndAfterAndKeptInItsHistory() {
        String key = "test.audited-" + System.nanoTime();
        var created =
                change(
                        key,
                        Map.of(
                                "variants", json(Map.of("on", true, "off", false)),
                                "defaultVariant", "off",
                                "description", "created by a test"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);

        var changed =
                change(
                        key,
                        Map.of(
                                "rules",
                                json(
                                        List.of(
                                                Map.of(
                                                        "attributes",
                                                        Map.of("centre", List.of("AIIMS Delhi")),
                                                        "variant",
                                                        "on")))));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        var audit =
                coordinator
                        .client()
                        .get(
                                "/api/v1/admin/audit?action=COORDINATOR_REQUEST&actorId="
                                        + coordinator.id()
                                        + "&limit=50");
        JsonNode entry = null;
        for (JsonNode item : audit.json().path("items")) {
            JsonNode change = item.path("detail").path("change");
            if (change.path("flag").asString("").equals(key)
                    && change.path("before").path("rules").size() == 0
                    && change.path("after").path("rules").size() == 1) {
                entry = item;
                break;
            }
        }
        assertThat(entry).as(audit.toString()).isNotNull();
        assertThat(entry.path("detail").path("method").asString()).isEqualTo("POST");
        assertThat(entry.path("detail").path("path").asString())
                .isEqualTo("/actuator/flags/" + key);
        assertThat(
                        entry.path("detail")
                                .path("change")
                                .path("before")
                                .path("defaultVariant")
                                .asString())
                .isEqualTo("off");
        assertThat(
                        entry.path("detail")
                                .path("change")
                                .path("after")
                                .path("rules")
                                .get(0)
                                .path("attributes")
                                .path("centre")
                                .get(0)
                                .asString())
                .isEqualTo("AIIMS Delhi");

        JsonNode history = flag(key).path("history");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("changedBy").asString()).isNotBlank();
        assertThat(history.get(0).path("before").path("rules").size()).isZero();
        assertThat(history.get(0).path("after").path("rules").size()).isEqualTo(1);
    }

    @Test
    void anInvalidChangeIsRefusedAndChangesNothing() {
        long before = flag("scoring.prediction-cache").path("flag").path("version").asLong();

        var refused =
                change(
                        "scoring.prediction-cache",
                        Map.of(
                                "rules",
                                json(List.of(Map.of("percentage", 30, "variant", "maybe")))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(flag("scoring.prediction-cache").path("flag").path("version").asLong())
                .isEqualTo(before);
        assertThat(change("test.never-created", Map.of("enabled", true)).status()).isEqualTo(400);
    }

    @Test
    void theCanaryFlagMovesAnAllocationRunToTheNewPolicyVersion() {
        Matching.Place at = Matching.place();
        var donor = Matching.donor(at, "O+", Matching.PATIENT_HLA);
        String pledge = Matching.verifiedPledge(donor, Registry.liverPledge(), coordinator);
        JsonNode was = flag("allocation.policy-version").path("flag");
        try {
            var on =
                    change(
                            "allocation.policy-version",
                            Map.of(
                                    "enabled",
                                    true,
                                    "rules",
                                    json(
                                            List.of(
                                                    Map.of(
                                                            "attributes",
                                                            Map.of("organ", List.of("LIVER")),
                                                            "percentage",
                                                            100,
                                                            "variant",
                                                            "candidate")))));
            assertThat(on.status()).as(on.toString()).isEqualTo(200);

            var run =
                    coordinator
                            .client()
                            .post("/api/v1/pledges/" + pledge + "/allocation-runs", "{}");

            assertThat(run.status()).as(run.toString()).isEqualTo(201);
            assertThat(run.json().path("policy").path("id").asString())
                    .isEqualTo("allocation/ramsetu-2026-2");
        } finally {
            change(
                    "allocation.policy-version",
                    Map.of(
                            "enabled",
                            was.path("enabled").asBoolean(),
                            "rules",
                            was.path("rules").toString()));
        }
        var after =
                coordinator.client().post("/api/v1/pledges/" + pledge + "/allocation-runs", "{}");
        assertThat(after.json().path("policy").path("id").asString())
                .isEqualTo("allocation/ramsetu-2026-1");
    }

    /** Actuator takes a write's fields as strings: variants and rules go as JSON text. */
    private static String json(Object value) {
        return ApiClient.JSON.writeValueAsString(value);
    }

    private static ApiClient.Response change(String key, Map<String, ?> body) {
        return coordinator.client().post("/actuator/flags/" + key, body);
    }

    private static JsonNode flag(String key) {
        var read = coordinator.client().get("/actuator/flags/" + key);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }
}
