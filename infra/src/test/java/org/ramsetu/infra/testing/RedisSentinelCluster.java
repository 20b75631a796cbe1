package org.ramsetu.infra.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Redis primary, one replica and Redis Sentinels as child processes on free loopback ports, as
 * the Debian packages run them ({@code redis-server}, {@code redis-sentinel}): the data tier of the
 * failover drills, small. Sentinels decide fast ({@code down-after-milliseconds} 1000) so a test
 * sees a promotion within seconds. The Redis servers require a password; the Sentinels do not.
 */
public final class RedisSentinelCluster implements AutoCloseable {

    public static final String MASTER = "mymaster";
    private static final Path SENTINEL_BINARY = Path.of("/usr/bin/redis-sentinel");

    private final Path dir;
    private final String password;
    private final List<RedisServerProcess> servers = new ArrayList<>();
    private final List<Process> sentinels = new ArrayList<>();
    private final List<Integer> sentinelPorts = new ArrayList<>();

    private RedisSentinelCluster(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /**
     * Starts the servers and {@code sentinelCount} Sentinels (quorum: a majority) and returns once
     * every Sentinel knows the replica and the other Sentinels, so a failover can happen.
     */
    public static RedisSentinelCluster start(Path dir, int sentinelCount, String password)
            throws IOException {
        if (!Files.isExecutable(SENTINEL_BINARY)) {
            throw new IllegalStateException(
                    SENTINEL_BINARY + " is missing: run .ci/run or apt-get install redis-sentinel");
        }
        RedisSentinelCluster cluster = new RedisSentinelCluster(dir, password);
        try {
            cluster.launch(sentinelCount);
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void launch(int sentinelCount) throws IOException {
        // No delay before a replica's first sync (Redis waits 5 s by default for more replicas to
        // share one transfer): until it is done the replica has nothing a failover could keep.
        List<String> auth =
                List.of(
                        "--requirepass",
                        password,
                        "--masterauth",
                        password,
                        "--repl-diskless-sync-delay",
                        "0");
        RedisServerProcess primary = RedisServerProcess.start(dir.resolve("redis-a"), auth);
        servers.add(primary);
        List<String> replicaArgs = new ArrayList<>(auth);
        replicaArgs.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())));
        servers.add(RedisServerProcess.start(dir.resolve("redis-b"), replicaArgs));
        int quorum = sentinelCount / 2 + 1;
        for (int i = 0; i < sentinelCount; i++) {
            int port = LocalServers.freePort();
            Path home = Files.createDirectories(dir.resolve("sentinel-" + i));
            Path conf = home.resolve("sentinel.conf");
            Files.writeString(
                    conf,
                    String.join(
                            "\n",
                            "port " + port,
                            "bind 127.0.0.1",
                            "dir " + home,
                            "sentinel monitor "
                                    + MASTER
                                    + " 127.0.0.1 "
                                    + primary.port()
                                    + " "
                                    + quorum,
                            "sentinel auth-pass " + MASTER + " " + password,
                            "sentinel down-after-milliseconds " + MASTER + " 1000",
                            // Also the wait before a new election after a split vote: keep it
                            // short.
                            "sentinel failover-timeout " + MASTER + " 3000",
                            "sentinel parallel-syncs " + MASTER + " 1",
                            ""));
            sentinels.add(
                    new ProcessBuilder(SENTINEL_BINARY.toString(), conf.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(home.resolve("sentinel.log").toFile())
                            .start());
            sentinelPorts.add(port);
        }
        await(
                "every Sentinel to know the replica and its peers",
                () ->
                        sentinelPorts.stream()
                                .allMatch(p -> sentinelKnowsEveryone(p, sentinelCount - 1)),
                Duration.ofSeconds(30));
        // A Sentinel knows a replica as soon as it connects, before its first sync is done.
        await("the replica's first sync", () -> linkUp(servers.get(1)), Duration.ofSeconds(30));
    }

    /** {@code redis-sentinel://password@127.0.0.1:p1,.../0#mymaster}, Lettuce's syntax. */
    public String url() {
        return "redis-sentinel://"
                + password
                + "@"
                + sentinelPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","))
                + "/0#"
                + MASTER;
    }

    public String password() {
        return password;
    }

    /** The port of the server the Sentinels currently name as primary. */
    public int primaryPort() {
        for (int port : sentinelPorts) {
            try {
                return withSentinel(
                        port,
                        s -> {
                            SocketAddress a = s.sync().getMasterAddrByName(MASTER);
                            return ((InetSocketAddress) a).getPort();
                        });
            } catch (RuntimeException tryNext) {
                // a stopped Sentinel; ask the next one
            }
        }
        throw new IllegalStateException("no Sentinel answered");
    }

    /** The server the Sentinels currently name as primary. */
    public RedisServerProcess primary() {
        int port = primaryPort();
        return servers.stream()
                .filter(s -> s.port() == port)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown primary port " + port));
    }

    /** The other server (a replica, or the former primary). */
    public RedisServerProcess other(RedisServerProcess server) {
        return servers.stream().filter(s -> s != server).findFirst().orElseThrow();
    }

    /** Waits until the replica has everything the primary has (replication is asynchronous). */
    public void awaitReplicaCaughtUp() {
        RedisServerProcess primary = primary();
        RedisServerProcess replica = other(primary);
        await(
                "the replica to catch up",
                () -> {
                    long primaryOffset = offset(primary, "master_repl_offset");
                    // A replica whose link is down reports the offset it started its sync from:
                    // caught up only on paper (what SentinelFailoverIntegrationTest once lost).
                    return linkUp(replica)
                            && offset(replica, "slave_repl_offset") >= primaryOffset
                            && primaryOffset > 0;
                },
                Duration.ofSeconds(15));
    }

    /** The role {@code server} reports: {@code master} or {@code slave}. */
    public String role(RedisServerProcess server) {
        return withServer(server, c -> c.sync().info("replication"))
                .lines()
                .filter(l -> l.startsWith("role:"))
                .map(l -> l.substring("role:".length()).strip())
                .findFirst()
                .orElse("unknown");
    }

    /** Kills the current primary with SIGKILL, as a crash would. */
    public RedisServerProcess killPrimary() throws InterruptedException {
        RedisServerProcess primary = primary();
        primary.kill();
        return primary;
    }

    /** Whether {@code replica} is connected to its primary and done with its sync. */
    private boolean linkUp(RedisServerProcess replica) {
        return withServer(replica, c -> c.sync().info("replication"))
                .lines()
                .anyMatch(l -> l.strip().equals("master_link_status:up"));
    }

    private long offset(RedisServerProcess server, String field) {
        String info = withServer(server, c -> c.sync().info("replication"));
        return info.lines()
                .filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.substring(field.length() + 1).strip()))
                .findFirst()
                .orElse(-1L);
    }

    private boolean sentinelKnowsEveryone(int port, int otherSentinels) {
        try {
            return withSentinel(
                    port,
                    s -> {
                        Map<String, String> master = s.sync().master(MASTER);
                        return Integer.parseInt(master.getOrDefault("num-slaves", "0")) >= 1
                                && Integer.parseInt(master.getOrDefault("num-other-sentinels", "0"))
                                        >= otherSentinels;
                    });
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private <T> T withServer(
            RedisServerProcess server, Function<StatefulRedisConnection<String, String>, T> use) {
        RedisClient client =
                RedisClient.create(
                        RedisURI.builder()
                                .withHost("127.0.0.1")
                                .withPort(server.port())
                                .withPassword(password.toCharArray())
                                .withTimeout(Duration.ofSeconds(2))
                                .build());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return use.apply(c);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private static <T> T withSentinel(
            int port, Function<StatefulRedisSentinelConnection<String, String>, T> use) {
        RedisClient client =
                RedisClient.create(
                        RedisURI.builder()
                                .withHost("127.0.0.1")
                                .withPort(port)
                                .withTimeout(Duration.ofSeconds(2))
                                .build());
        try (StatefulRedisSentinelConnection<String, String> c = client.connectSentinel()) {
            return use.apply(c);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private static void await(String what, BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        for (Process sentinel : sentinels) {
            sentinel.destroyForcibly();
            try {
                sentinel.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        servers.forEach(RedisServerProcess::close);
    }
}
