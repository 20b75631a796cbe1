package org.ramsetu.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.queue.config.QueueConfiguration;
import org.ramsetu.infra.testing.RedisServerProcess;
import org.ramsetu.infra.testing.SelfSignedCertificates;

/**
 * Our Redis clients over TLS ({@code rediss://}) against a real redis-server serving a deployment's
 * own certificate: they trust the CAs of RAMSETU_TLS_TRUSTED_CERTIFICATES, and without them (the
 * JDK's list only) the handshake fails.
 */
class RedisTlsIntegrationTest {

    @TempDir static Path dir;
    private static RedisServerProcess redis;
    private static URI tlsUrl;
    private static Path certificate;

    @BeforeAll
    static void serveTls() throws Exception {
        SelfSignedCertificates.forLocalhost("redis", dir.resolve("redis"));
        certificate = dir.resolve("redis.crt");
        int tlsPort;
        try (ServerSocket free = new ServerSocket(0)) {
            tlsPort = free.getLocalPort();
        }
        redis =
                RedisServerProcess.start(
                        dir.resolve("data"),
                        List.of(
                                "--tls-port",
                                Integer.toString(tlsPort),
                                "--tls-cert-file",
                                certificate.toString(),
                                "--tls-key-file",
                                dir.resolve("redis.key").toString(),
                                "--tls-ca-cert-file",
                                certificate.toString(),
                                "--tls-auth-clients",
                                "no"));
        tlsUrl = URI.create("rediss://localhost:" + tlsPort);
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void aClientTrustingTheDeploymentsCaTalksTls() {
        try (RedisClients.Owned owned =
                        RedisClients.create(
                                tlsUrl,
                                Duration.ofSeconds(5),
                                ClientOptions.DisconnectedBehavior.REJECT_COMMANDS,
                                "tls-test",
                                Optional.of(certificate));
                StatefulRedisConnection<String, String> connection = owned.client().connect()) {
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        }
    }

    @Test
    void theQueuesClientUsesTheTrustedCasToo() {
        try (RedisClients.Owned owned =
                        QueueConfiguration.redisClient(tlsUrl, Optional.of(certificate));
                StatefulRedisConnection<String, String> connection = owned.client().connect()) {
            connection.sync().set("tls-check", "ok");
            assertThat(connection.sync().get("tls-check")).isEqualTo("ok");
        }
    }

    @Test
    void withoutTheDeploymentsCaTheHandshakeIsRefused() {
        try (RedisClients.Owned owned =
                RedisClients.create(
                        tlsUrl,
                        Duration.ofSeconds(5),
                        ClientOptions.DisconnectedBehavior.REJECT_COMMANDS,
                        "tls-test",
                        Optional.empty())) {
            assertThatThrownBy(() -> owned.client().connect().close())
                    .isInstanceOf(RedisConnectionException.class);
        }
    }
}
