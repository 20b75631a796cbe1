package org.ramsetu.infra.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The flag provider on a real PostgreSQL with the V191 migration applied. */
class PostgresFeatureProviderIntegrationTest {

    @TempDir static Path dir;
    private static TestDatabase db;
    private static FeatureFlagStore store;

    private PostgresFeatureProvider production;
    private Client client;

    @BeforeAll
    static void start() {
        db = TestDatabase.start(dir);
        store =
                new FeatureFlagStore(
                        db.jdbc(),
                        new TransactionTemplate(new JdbcTransactionManager(db.dataSource())));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void provider() {
        db.jdbc().sql("delete from feature_flag where key like 'test.%'").update();
        production = new PostgresFeatureProvider(store, "production", Duration.ofHours(1));
        client = clientOf(production);
    }

    private static Client clientOf(PostgresFeatureProvider provider) {
        String domain = "test-" + UUID.randomUUID();
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
        return OpenFeatureAPI.getInstance().getClient(domain);
    }

    private static void save(FeatureFlag flag) {
        store.change(flag.key(), "test", current -> Optional.of(flag));
    }

    private static FeatureFlag flag(
            String key, boolean enabled, String defaultVariant, List<FlagRule> rules) {
        return new FeatureFlag(
                key,
                "",
                enabled,
                defaultVariant,
                Map.of("on", true, "off", false),
                rules,
                0,
                null,
                null);
    }

    private static EvaluationContext ctx(String targetingKey, Map<String, String> attributes) {
        Map<String, Value> values = new java.util.HashMap<>();
        attributes.forEach((k, v) -> values.put(k, new Value(v)));
        return new ImmutableContext(targetingKey, values);
    }

    @Test
    void theSeededFlagsAreThere() {
        production.refresh();
        assertThat(store.all())
                .extracting(FeatureFlag::key)
                .contains(FlagKeys.ALLOCATION_POLICY_VERSION, FlagKeys.PREDICTION_CACHE);
        // The canary is off: the caller's default (the configured policy).
        assertThat(
                        client.getStringValue(
                                FlagKeys.ALLOCATION_POLICY_VERSION,
                                "configured",
                                ctx(UUID.randomUUID().toString(), Map.of())))
                .isEqualTo("configured");
        // The prediction cache is on in front of HTTP scoring only (docs/PERFORMANCE.md).
        assertThat(
                        client.getBooleanValue(
                                FlagKeys.PREDICTION_CACHE,
                                false,
                                ctx(null, Map.of("scoring", "http", "organ", "KIDNEY"))))
                .isTrue();
        assertThat(
                        client.getBooleanValue(
                                FlagKeys.PREDICTION_CACHE,
                                true,
                                ctx(null, Map.of("scoring", "in-process", "organ", "KIDNEY"))))
                .isFalse();
    }

    @Test
    void aMissingFlagGivesTheCallersDefault() {
        FlagEvaluationDetails<Boolean> details =
                client.getBooleanDetails("test.nowhere", true, ctx("p1", Map.of()));
        assertThat(details.getValue()).isTrue();
        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        assertThat(client.getStringValue("test.nowhere", "fallback")).isEqualTo("fallback");
    }

    @Test
    void aDisabledFlagGivesTheCallersDefaultWhateverItsRules() {
        save(flag("test.disabled", false, "on", List.of(new FlagRule(null, null, null, "on"))));
        production.refresh();
        FlagEvaluationDetails<Boolean> details =
                client.getBooleanDetails("test.disabled", false, ctx("p1", Map.of()));
        assertThat(details.getValue()).isFalse();
        assertThat(details.getReason()).isEqualTo(Reason.DISABLED.name());
    }

    @Test
    void environmentRulesApplyOnlyInTheirEnvironment() {
        save(
                flag(
                        "test.env",
                        true,
                        "off",
                        List.of(new FlagRule(List.of("staging"), null, null, "on"))));
        PostgresFeatureProvider staging =
                new PostgresFeatureProvider(store, "staging", Duration.ofHours(1));
        Client stagingClient = clientOf(staging);
        production.refresh();

        assertThat(client.getBooleanValue("test.env", true)).isFalse(); // default variant
        assertThat(client.getBooleanDetails("test.env", true).getReason())
                .isEqualTo(Reason.STATIC.name());
        assertThat(stagingClient.getBooleanValue("test.env", false)).isTrue();
        assertThat(stagingClient.getBooleanDetails("test.env", false).getReason())
                .isEqualTo(Reason.TARGETING_MATCH.name());
    }

    @Test
    void centreRulesMatchTheCentreAttributeAndRulesApplyInOrder() {
        save(
                flag(
                        "test.centre",
                        true,
                        null,
                        List.of(
                                new FlagRule(
                                        null,
                                        Map.of("centre", List.of("AIIMS Delhi", "CMC Vellore")),
                                        null,
                                        "on"),
                                new FlagRule(null, null, null, "off"))));
        production.refresh();

        assertThat(
                        client.getBooleanValue(
                                "test.centre", false, ctx("p1", Map.of("centre", "cmc vellore"))))
                .isTrue();
        assertThat(
                        client.getBooleanValue(
                                "test.centre", true, ctx("p1", Map.of("centre", "KEM Mumbai"))))
                .isFalse(); // the second rule
        assertThat(client.getBooleanValue("test.centre", true, ctx("p1", Map.of())))
                .isFalse(); // no centre: the second rule as well
    }

    @Test
    void aShareRuleTakesAboutThatShareOfKeysAndAlwaysTheSameKeys() {
        save(flag("test.share", true, "off", List.of(new FlagRule(null, null, 30.0, "on"))));
        production.refresh();

        int on = 0;
        int keys = 4_000;
        for (int i = 0; i < keys; i++) {
            String pledge = new UUID(42, i).toString();
            boolean first = client.getBooleanValue("test.share", false, ctx(pledge, Map.of()));
            boolean again = client.getBooleanValue("test.share", false, ctx(pledge, Map.of()));
            assertThat(again).isEqualTo(first);
            assertThat(first).isEqualTo(Buckets.within("test.share", pledge, 30.0));
            if (first) {
                on++;
            }
        }
        assertThat(on / (double) keys).isBetween(0.27, 0.33);
        // Without a targeting key there is no bucket: never part of the share.
        assertThat(client.getBooleanDetails("test.share", false).getReason())
                .isEqualTo(Reason.STATIC.name());
    }

    @Test
    void aVariantOfAnotherTypeGivesTheDefaultWithTypeMismatch() {
        save(flag("test.type", true, "on", List.of()));
        production.refresh();
        FlagEvaluationDetails<String> details = client.getStringDetails("test.type", "x");
        assertThat(details.getValue()).isEqualTo("x");
        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void aChangeIsSeenByASecondProviderAfterItsRefresh() throws Exception {
        save(flag("test.change", true, "off", List.of()));
        PostgresFeatureProvider other =
                new PostgresFeatureProvider(store, "production", Duration.ofMillis(200));
        Client otherClient = clientOf(other);
        assertThat(otherClient.getBooleanValue("test.change", true)).isFalse();

        store.change(
                "test.change",
                "coordinator",
                current ->
                        current.map(
                                f ->
                                        new FeatureFlag(
                                                f.key(),
                                                f.description(),
                                                true,
                                                "on",
                                                f.variants(),
                                                f.rules(),
                                                f.version(),
                                                null,
                                                null)));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!otherClient.getBooleanValue("test.change", false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(otherClient.getBooleanValue("test.change", false)).isTrue();
        other.shutdown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyChangeIsInTheHistoryWithBeforeAndAfter() {
        save(flag("test.history", true, "off", List.of()));
        FlagChange change =
                store.change(
                        "test.history",
                        "coordinator-1",
                        current -> current.map(f -> f.withEnabled(false)));

        assertThat(change.before().enabled()).isTrue();
        assertThat(change.after().enabled()).isFalse();
        assertThat(change.after().version()).isEqualTo(change.before().version() + 1);
        List<Map<String, Object>> history = store.history("test.history", 10);
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("changedBy", "coordinator-1");
        assertThat((Map<String, Object>) history.get(0).get("before"))
                .containsEntry("enabled", true);
        assertThat((Map<String, Object>) history.get(0).get("after"))
                .containsEntry("enabled", false);
    }

    @Test
    void anInvalidFlagIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(
                        () ->
                                save(
                                        flag(
                                                "test.invalid",
                                                true,
                                                "off",
                                                List.of(new FlagRule(null, null, 30.0, "maybe")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maybe");
        assertThat(store.find("test.invalid")).isEmpty();
    }
}
