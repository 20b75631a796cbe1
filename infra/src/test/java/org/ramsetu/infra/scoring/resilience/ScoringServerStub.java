package org.ramsetu.infra.scoring.resilience;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on loopback standing in for the scoring target, whose answer the test sets: a
 * score, a status with a problem body, or a delay. Counts the requests it received.
 */
final class ScoringServerStub implements AutoCloseable {

    /** What the server does with each request. */
    interface Behaviour {
        void answer(HttpExchange exchange) throws Exception;
    }

    static final String SCORES =
            "{\"modelVersion\":\"v-test\",\"results\":[{\"id\":\"c1\",\"score\":0.75}]}";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(ok());

    ScoringServerStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    requests.incrementAndGet();
                    try {
                        behaviour.get().answer(exchange);
                    } catch (Exception e) {
                        exchange.close();
                    }
                });
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int requests() {
        return requests.get();
    }

    void behave(Behaviour next) {
        behaviour.set(next);
    }

    static Behaviour ok() {
        return exchange -> send(exchange, 200, SCORES);
    }

    static Behaviour status(int status) {
        return exchange ->
                send(
                        exchange,
                        status,
                        "{\"type\":\"about:blank\",\"status\":"
                                + status
                                + ",\"detail\":\"stub answered "
                                + status
                                + "\"}");
    }

    /** Fails {@code failures} times with {@code status}, then answers scores. */
    static Behaviour failingThenOk(int failures, int status) {
        AtomicInteger left = new AtomicInteger(failures);
        return exchange -> {
            if (left.getAndDecrement() > 0) {
                status(status).answer(exchange);
            } else {
                ok().answer(exchange);
            }
        };
    }

    static Behaviour slow(long millis) {
        return exchange -> {
            Thread.sleep(millis);
            ok().answer(exchange);
        };
    }

    static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
