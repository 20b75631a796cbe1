package org.ramsetu.infra.scoring.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.scoring.Candidate;
import org.ramsetu.infra.scoring.FeatureRows;
import org.ramsetu.infra.scoring.HttpScoringClient;
import org.ramsetu.infra.scoring.InvalidCandidatesException;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoringUnavailableException;
import org.ramsetu.infra.scoring.UnavailableScoringClient;
import org.springframework.boot.health.contributor.Status;

/**
 * The resilient scoring client against a real HTTP server on loopback that answers 503, 400, 500,
 * slowly, or not at all: retries only transient failures, opens the breaker, keeps to the time
 * limit, and bounds calls in flight.
 */
class ResilientScoringClientTest {

    private static final ScoreRequest REQUEST =
            new ScoreRequest(List.of(new Candidate("c1", Map.of("hla_score", 0.9))));

    private ScoringServerStub server;
    private ResilientScoringClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScoringServerStub();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    @Test
    void aTransient503IsRetriedWithBackoffUntilItSucceeds() {
        client = client(server.url(), settings(3, Duration.ofSeconds(5)));
        server.behave(ScoringServerStub.failingThenOk(2, 503));

        ScoreResponse answer = client.score("kidney", REQUEST);

        assertThat(answer.results())
                .singleElement()
                .satisfies(s -> assertThat(s.score()).isEqualTo(0.75));
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void rowsGoThroughTheSameRetriesAsMaps() {
        client = client(server.url(), settings(3, Duration.ofSeconds(5)));
        server.behave(ScoringServerStub.failingThenOk(2, 503));

        ScoreResponse answer =
                client.scoreRows(
                        "kidney",
                        new FeatureRows(
                                List.of("hla_score"), new String[] {"c1"}, new double[] {0.9}));

        assertThat(answer.results())
                .singleElement()
                .satisfies(s -> assertThat(s.score()).isEqualTo(0.75));
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void aRefusedRequestIsNeverRetried() {
        client = client(server.url(), settings(3, Duration.ofSeconds(5)));
        server.behave(ScoringServerStub.status(400));

        assertThatThrownBy(() -> client.score("kidney", REQUEST))
                .isInstanceOf(InvalidCandidatesException.class);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aServerFaultIsNotRetriedEither() {
        client = client(server.url(), settings(3, Duration.ofSeconds(5)));
        server.behave(ScoringServerStub.status(500));

        assertThatThrownBy(() -> client.score("kidney", REQUEST))
                .isInstanceOf(ScoringUnavailableException.class)
                .hasMessageContaining("500");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedUnavailable() throws IOException {
        client = client(closedPort(), settings(3, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> client.score("kidney", REQUEST))
                .isInstanceOf(ScoringUnavailableException.class)
                .hasMessageContaining("unreachable");
        assertThat(
                        client.retries()
                                .retry(ResilientScoringClient.NAME)
                                .getMetrics()
                                .getNumberOfFailedCallsWithRetryAttempt())
                .isEqualTo(1);
        assertThat(client.circuitBreaker().getMetrics().getNumberOfFailedCalls())
                .as("each attempt counts against the breaker")
                .isEqualTo(3);
    }

    @Test
    void aSlowServerIsCutOffAtTheTimeLimit() {
        client = client(server.url(), settings(1, Duration.ofMillis(400)));
        server.behave(ScoringServerStub.slow(3_000));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.score("kidney", REQUEST))
                .isInstanceOf(ScoringUnavailableException.class)
                .hasMessageContaining("did not answer within");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).isBetween(350L, 1_500L);
    }

    @Test
    void repeatedFailuresOpenTheBreakerWhichThenStopsCallingUntilItsWaitIsOver()
            throws InterruptedException {
        client = client(server.url(), settings(1, Duration.ofSeconds(5)));
        server.behave(ScoringServerStub.status(503));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.score("kidney", REQUEST))
                    .isInstanceOf(ScoringUnavailableException.class);
        }
        assertThat(client.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        ScoringClientHealthIndicator health = new ScoringClientHealthIndicator(client, true);
        assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.health().getDetails()).containsEntry("circuitBreaker", "OPEN");

        assertThatThrownBy(() -> client.score("kidney", REQUEST))
                .isInstanceOf(ScoringUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");
        assertThat(server.requests()).as("an open breaker does not call").isEqualTo(4);

        server.behave(ScoringServerStub.ok());
        Thread.sleep(350); // the breaker's wait (300 ms) is over: trial calls go through
        assertThat(client.score("kidney", REQUEST).modelVersion()).isEqualTo("v-test");
        assertThat(client.score("kidney", REQUEST).modelVersion()).isEqualTo("v-test");
        assertThat(client.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void refusalsOfTheRequestDoNotOpenTheBreaker() {
        client = client(server.url(), settings(1, Duration.ofSeconds(5)));
        server.behave(ScoringServerStub.status(400));
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> client.score("kidney", REQUEST))
                    .isInstanceOf(InvalidCandidatesException.class);
        }

        assertThat(client.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theBulkheadRefusesCallsBeyondItsLimitAtOnce() throws Exception {
        client = client(server.url(), settings(1, Duration.ofSeconds(5)));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(2);
        server.behave(
                exchange -> {
                    arrived.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    ScoringServerStub.ok().answer(exchange);
                });
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<ScoreResponse> one = callers.submit(() -> client.score("kidney", REQUEST));
            Future<ScoreResponse> two = callers.submit(() -> client.score("kidney", REQUEST));
            assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            assertThatThrownBy(() -> client.score("kidney", REQUEST))
                    .isInstanceOf(ScoringUnavailableException.class)
                    .hasMessageContaining("busy");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(500);

            release.countDown();
            assertThat(one.get(5, TimeUnit.SECONDS).modelVersion()).isEqualTo("v-test");
            assertThat(two.get(5, TimeUnit.SECONDS).modelVersion()).isEqualTo("v-test");
            assertThat(server.requests()).isEqualTo(2);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void withoutAConfiguredUrlEveryCallIsUnavailableSayingWhatToSet() {
        client =
                new ResilientScoringClient(
                        UnavailableScoringClient.unconfigured(),
                        settings(3, Duration.ofSeconds(1)));

        assertThatThrownBy(() -> client.score("kidney", REQUEST))
                .isInstanceOf(ScoringUnavailableException.class)
                .hasMessageContaining("RAMSETU_SCORING_URL");
        assertThat(new ScoringClientHealthIndicator(client, false).health().getStatus())
                .isEqualTo(Status.UNKNOWN);
    }

    /** Window of 4 attempts, opens at 50 %, waits 300 ms; two calls in flight at most. */
    private static ScoringClientProperties settings(int attempts, Duration timeLimit) {
        return new ScoringClientProperties(
                Duration.ofSeconds(2),
                timeLimit,
                attempts,
                Duration.ofMillis(20),
                2.0,
                0.5,
                50,
                4,
                4,
                Duration.ofMillis(300),
                2,
                2,
                Duration.ZERO);
    }

    private static ResilientScoringClient client(URI url, ScoringClientProperties settings) {
        return new ResilientScoringClient(
                new HttpScoringClient(url, settings.attemptTimeout()), settings);
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
