package org.ramsetu.platform.allocation.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.flags.FeatureFlag;
import org.ramsetu.infra.flags.FeatureFlagStore;
import org.ramsetu.infra.flags.FlagKeys;
import org.ramsetu.infra.flags.FlagRule;
import org.ramsetu.infra.flags.PostgresFeatureProvider;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The canary of a new allocation policy version: the seeded flag {@code allocation.policy-version}
 * on a real PostgreSQL, at 30 %, moves about 30 % of pledges to the new version, always the same
 * pledges, and leaves the rest on the configured one.
 */
class PolicyCanaryIntegrationTest {

    private static final String ACTIVE = "allocation/ramsetu-2026-1";
    private static final String CANDIDATE = "allocation/ramsetu-2026-2";

    @TempDir static Path dir;
    private static TestDatabase db;
    private static FeatureFlagStore store;
    private static PostgresFeatureProvider provider;
    private static AllocationPolicies policies;

    @BeforeAll
    static void start() {
        db = TestDatabase.start(dir);
        store =
                new FeatureFlagStore(
                        db.jdbc(),
                        new TransactionTemplate(new JdbcTransactionManager(db.dataSource())));
        provider = new PostgresFeatureProvider(store, "production", Duration.ofHours(1));
        String domain = "canary-" + UUID.randomUUID();
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
        Client flags = OpenFeatureAPI.getInstance().getClient(domain);
        policies = AllocationPolicies.load(ACTIVE).choosingBy(flags);
    }

    @AfterAll
    static void stop() {
        provider.shutdown();
        db.close();
    }

    private static void canary(boolean enabled, double percentage, Map<String, List<String>> when) {
        store.change(
                FlagKeys.ALLOCATION_POLICY_VERSION,
                "test",
                current ->
                        current.map(
                                f ->
                                        f.withEnabled(enabled)
                                                .withRules(
                                                        List.of(
                                                                new FlagRule(
                                                                        null,
                                                                        when,
                                                                        percentage,
                                                                        "candidate")))));
        provider.refresh();
    }

    /** The flag replaced whole (no rules), as an operator might, and read again at once. */
    private static void replaceFlag(
            boolean enabled, String defaultVariant, Map<String, Object> variants) {
        store.change(
                FlagKeys.ALLOCATION_POLICY_VERSION,
                "test",
                current ->
                        Optional.of(
                                new FeatureFlag(
                                        FlagKeys.ALLOCATION_POLICY_VERSION,
                                        "",
                                        enabled,
                                        defaultVariant,
                                        variants,
                                        List.of(),
                                        0,
                                        null,
                                        null)));
        provider.refresh();
    }

    @Test
    void asSeededTheFlagIsOffAndEveryRunUsesTheConfiguredPolicy() {
        store.change(
                FlagKeys.ALLOCATION_POLICY_VERSION,
                "test",
                current -> current.map(f -> f.withEnabled(false)));
        provider.refresh();
        for (int i = 0; i < 200; i++) {
            assertThat(policies.forRun(UUID.randomUUID(), Organ.KIDNEY).id()).isEqualTo(ACTIVE);
        }
    }

    @Test
    void thirtyPercentMovesAboutThirtyPercentOfPledgesAlwaysTheSameOnes() {
        canary(true, 30, null);
        int pledges = 5_000;
        Map<UUID, String> first = new HashMap<>();
        int moved = 0;
        for (int i = 0; i < pledges; i++) {
            UUID pledge = UUID.nameUUIDFromBytes(("pledge-" + i).getBytes());
            String id = policies.forRun(pledge, Organ.KIDNEY).id();
            assertThat(id).isIn(ACTIVE, CANDIDATE);
            first.put(pledge, id);
            if (id.equals(CANDIDATE)) {
                moved++;
            }
        }
        assertThat(moved / (double) pledges).isBetween(0.28, 0.32);
        // Ranked again (another run, another instance reading the same flag): the same version.
        first.forEach(
                (pledge, id) ->
                        assertThat(policies.forRun(pledge, Organ.KIDNEY).id()).isEqualTo(id));

        // Widening the canary keeps every pledge already moved on the new version.
        canary(true, 60, null);
        first.forEach(
                (pledge, id) -> {
                    if (id.equals(CANDIDATE)) {
                        assertThat(policies.forRun(pledge, Organ.KIDNEY).id()).isEqualTo(CANDIDATE);
                    }
                });
    }

    @Test
    void aCanaryLimitedToAnOrganLeavesTheOtherOrgansAlone() {
        canary(true, 100, Map.of("organ", List.of("LIVER")));
        UUID pledge = UUID.randomUUID();
        assertThat(policies.forRun(pledge, Organ.LIVER).id()).isEqualTo(CANDIDATE);
        assertThat(policies.forRun(pledge, Organ.KIDNEY).id()).isEqualTo(ACTIVE);
    }

    @Test
    void aVersionThisReleaseDoesNotKnowLeavesTheRunOnTheConfiguredPolicy() {
        replaceFlag(true, "future", Map.of("future", "allocation/ramsetu-2099-1"));
        assertThat(policies.forRun(UUID.randomUUID(), Organ.HEART).id()).isEqualTo(ACTIVE);
        // back to the seeded variants for the other tests
        replaceFlag(false, null, Map.of("candidate", CANDIDATE));
    }

    @Test
    void withoutFlagsEveryRunUsesTheConfiguredPolicy() {
        AllocationPolicies plain = AllocationPolicies.load(ACTIVE);
        assertThat(plain.forRun(UUID.randomUUID(), Organ.KIDNEY).id()).isEqualTo(ACTIVE);
    }
}
