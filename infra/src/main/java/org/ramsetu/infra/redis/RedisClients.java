package org.ramsetu.infra.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Lettuce clients of RamSetu's own Redis users (queue, rate limits, cache), set up to follow a
 * Sentinel failover quickly. With a {@code redis-sentinel://} URL Lettuce asks the Sentinels for
 * the primary at every (re)connect, so a reconnect after the primary died lands on the promoted
 * replica; what these settings add is that the reconnect comes soon:
 *
 * <ul>
 *   <li>reconnect attempts back off only up to one second (Lettuce's default grows to 30 s, which
 *       in a test added 3.4 s to a 6 s failover: the promotion was done, the client still slept);
 *   <li>a connect attempt gives up after two seconds, so a primary whose host vanished (no TCP
 *       reset) does not hold up the next question to the Sentinels for Lettuce's default ten;
 *   <li>TCP keep-alive probes an idle connection after 10 s, so a silently dead peer is noticed
 *       within about 16 s instead of the kernel's two hours.
 * </ul>
 */
public final class RedisClients {

    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private RedisClients() {}

    /** Event loops and the reconnect back-off; whoever asks for them shuts them down. */
    public static ClientResources resources() {
        return DefaultClientResources.builder()
                .reconnectDelay(
                        Delay.exponential(
                                Duration.ZERO, MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
    }

    /**
     * @param timeout how long a command may take
     * @param whileDisconnected what happens to commands issued while the connection is down: queued
     *     until it is back (and failing after {@code timeout}), or rejected at once
     * @param trustedCertificates PEM CAs that a {@code rediss://} or {@code rediss-sentinel://}
     *     server's certificate must chain to (RAMSETU_TLS_TRUSTED_CERTIFICATES), instead of the
     *     JDK's list; host names are checked either way
     */
    public static ClientOptions options(
            Duration timeout,
            ClientOptions.DisconnectedBehavior whileDisconnected,
            Optional<Path> trustedCertificates) {
        ClientOptions.Builder options = ClientOptions.builder();
        trustedCertificates.ifPresent(
                pem ->
                        options.sslOptions(
                                SslOptions.builder()
                                        .jdkSslProvider()
                                        .trustManager(pem.toFile())
                                        .protocols("TLSv1.3", "TLSv1.2")
                                        .build()));
        return options.disconnectedBehavior(whileDisconnected)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(
                        SocketOptions.builder()
                                .connectTimeout(CONNECT_TIMEOUT)
                                .keepAlive(
                                        SocketOptions.KeepAliveOptions.builder()
                                                .enable()
                                                .idle(Duration.ofSeconds(10))
                                                .interval(Duration.ofSeconds(2))
                                                .count(3)
                                                .build())
                                .build())
                .build();
    }

    /**
     * Lettuce's reading of {@code url} ({@code redis://} or {@code redis-sentinel://}).
     *
     * @param clientName what {@code CLIENT LIST} on the server shows for these connections, so an
     *     operator sees which of our users holds which connection
     */
    public static RedisURI uri(URI url, Duration timeout, String clientName) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        uri.setClientName(clientName);
        return uri;
    }

    /**
     * A client of {@code url} with its own resources, which {@link Owned#close()} shuts down.
     *
     * @param trustedCertificates see {@link #options(Duration, ClientOptions.DisconnectedBehavior,
     *     Optional)}
     */
    public static Owned create(
            URI url,
            Duration timeout,
            ClientOptions.DisconnectedBehavior whileDisconnected,
            String clientName,
            Optional<Path> trustedCertificates) {
        ClientResources resources = resources();
        RedisClient client = RedisClient.create(resources, uri(url, timeout, clientName));
        client.setOptions(options(timeout, whileDisconnected, trustedCertificates));
        return new Owned(client, resources);
    }

    /** A client and the resources it was given (Lettuce leaves given resources running). */
    public record Owned(RedisClient client, ClientResources resources) implements AutoCloseable {
        @Override
        public void close() {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
