package org.ramsetu.infra.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.ramsetu.infra.testing.PerClassRedis;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances on one PostgreSQL and one Redis: a change announced by one is seen by the other at
 * once, long before its periodic refresh (an hour here) would have read it.
 */
class RedisFlagChangeNotifierIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();
    @RegisterExtension static final PerClassRedis redis = new PerClassRedis();

    @Test
    void aChangeAnnouncedByOneInstanceIsReadByTheOtherAtOnce() throws Exception {
        FeatureFlagStore store =
                new FeatureFlagStore(
                        db.jdbc(),
                        new TransactionTemplate(new JdbcTransactionManager(db.dataSource())));
        PostgresFeatureProvider changing =
                new PostgresFeatureProvider(store, "production", Duration.ofHours(1));
        PostgresFeatureProvider other =
                new PostgresFeatureProvider(store, "production", Duration.ofHours(1));
        String domain = "redis-" + UUID.randomUUID();
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, other);
        Client otherClient = OpenFeatureAPI.getInstance().getClient(domain);
        URI url = URI.create(redis.url());
        try (var announcer =
                        new RedisFlagChangeNotifier(
                                url, Optional.empty(), Duration.ofSeconds(2), () -> {});
                var listener =
                        new RedisFlagChangeNotifier(
                                url, Optional.empty(), Duration.ofSeconds(2), other::refreshSoon)) {
            assertThat(otherClient.getBooleanValue("test.redis", false)).isFalse();

            store.change(
                    "test.redis",
                    "test",
                    current ->
                            Optional.of(
                                    new FeatureFlag(
                                            "test.redis",
                                            "",
                                            true,
                                            "on",
                                            Map.of("on", true),
                                            List.of(),
                                            0,
                                            null,
                                            null)));
            changing.refresh();
            announcer.announce("test.redis");

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!otherClient.getBooleanValue("test.redis", false)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(otherClient.getBooleanValue("test.redis", false)).isTrue();
        } finally {
            other.shutdown();
        }
    }
}
