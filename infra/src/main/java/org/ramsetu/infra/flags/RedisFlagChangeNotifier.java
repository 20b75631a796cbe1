package org.ramsetu.infra.flags;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.ramsetu.infra.redis.RedisClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flag changes announced on a Redis channel ({@code RAMSETU_REDIS_URL} set): every instance
 * subscribes and re-reads the flags from PostgreSQL when a message arrives. The message only says
 * which flag changed; PostgreSQL stays the one source of the flags. Lettuce re-subscribes after a
 * reconnect; what is published while an instance is cut off reaches it by its periodic refresh.
 */
final class RedisFlagChangeNotifier implements FlagChangeNotifier {

    static final String CHANNEL = "ramsetu:flags:changed";

    private static final Logger log = LoggerFactory.getLogger(RedisFlagChangeNotifier.class);

    private final RedisClients.Owned redis;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final StatefulRedisConnection<String, String> publisher;

    /**
     * @param trustedCertificates the CAs a {@code rediss} server's certificate must chain to
     * @param onChange runs on Redis' I/O thread: it must hand the work over, not block
     */
    RedisFlagChangeNotifier(
            URI url, Optional<Path> trustedCertificates, Duration timeout, Runnable onChange) {
        this.redis =
                RedisClients.create(
                        url,
                        timeout,
                        ClientOptions.DisconnectedBehavior.REJECT_COMMANDS,
                        "ramsetu-flags",
                        trustedCertificates);
        try {
            this.subscription = redis.client().connectPubSub();
            this.subscription.addListener(
                    new RedisPubSubAdapter<>() {
                        @Override
                        public void message(String channel, String key) {
                            onChange.run();
                        }
                    });
            this.subscription.sync().subscribe(CHANNEL);
            this.publisher = redis.client().connect();
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    @Override
    public void announce(String key) {
        publisher
                .async()
                .publish(CHANNEL, key)
                .exceptionally(
                        failure -> {
                            log.warn(
                                    "Change of flag {} not announced on Redis; other instances"
                                            + " see it at their next refresh: {}",
                                    key,
                                    failure.toString());
                            return 0L;
                        });
    }

    @Override
    public void close() {
        subscription.close();
        publisher.close();
        redis.close();
    }
}
