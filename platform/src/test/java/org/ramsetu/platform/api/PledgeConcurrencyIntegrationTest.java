package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.audit;
import static org.ramsetu.platform.api.Registry.json;
import static org.ramsetu.platform.api.Registry.kidneyPledge;
import static org.ramsetu.platform.api.Registry.pledgeId;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency of pledges: the version travels as ETag, a change naming an older version
 * is refused as "changed by someone else", and of concurrent changes of one pledge exactly one
 * wins.
 */
class PledgeConcurrencyIntegrationTest {

    private static final int PARALLEL = 8;

    private static Accounts.SignedIn coordinator;
    private static ExecutorService threads;

    @BeforeAll
    static void setUp() {
        coordinator = Accounts.coordinator();
        threads = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterAll
    static void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void ofConcurrentVerificationsOfOnePledgeExactlyOneWins() throws Exception {
        var donor = Registry.donorWithProfile();
        String id = pledgeId(donor, kidneyPledge());

        List<ApiClient.Response> answers =
                together(
                        () ->
                                coordinator
                                        .client()
                                        .post("/api/v1/admin/pledges/" + id + "/verify", json()));

        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(PARALLEL - 1);
        assertThat(read(donor, id).path("version").asLong()).isEqualTo(1);
        assertThat(audit(coordinator, "PLEDGE_VERIFIED", "pledge", id)).hasSize(1);
    }

    @Test
    void ofConcurrentDifferentChangesNamingTheSameVersionExactlyOneWins() throws Exception {
        var donor = Registry.donorWithProfile();
        String id = pledgeId(donor, kidneyPledge());
        var tasks = new ArrayList<Callable<ApiClient.Response>>();
        for (int i = 0; i < PARALLEL; i++) {
            int kind = i % 3;
            tasks.add(
                    () ->
                            switch (kind) {
                                case 0 ->
                                        coordinator
                                                .client()
                                                .withHeader("If-Match", "\"0\"")
                                                .post(
                                                        "/api/v1/admin/pledges/" + id + "/verify",
                                                        json());
                                case 1 ->
                                        coordinator
                                                .client()
                                                .withHeader("If-Match", "\"0\"")
                                                .post(
                                                        "/api/v1/admin/pledges/" + id + "/reject",
                                                        json("reason", "duplicate registration"));
                                default ->
                                        donor.client()
                                                .withHeader("If-Match", "\"0\"")
                                                .post(
                                                        "/api/v1/pledges/" + id + "/withdraw",
                                                        json());
                            });
        }

        List<ApiClient.Response> answers = together(tasks);

        List<ApiClient.Response> winners = answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(PARALLEL - 1);
        var stored = read(donor, id);
        assertThat(stored.path("status").asString()).isEqualTo(winners.get(0).text("status"));
        assertThat(stored.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aChangeNamingAnOlderVersionIsRefusedAsChangedBySomeoneElse() {
        var donor = Registry.donorWithProfile();
        String id = pledgeId(donor, kidneyPledge());
        String etag = donor.client().get("/api/v1/pledges/" + id).header("ETag");
        var verified =
                coordinator
                        .client()
                        .withHeader("If-Match", etag)
                        .post("/api/v1/admin/pledges/" + id + "/verify", json());

        var staleHeader =
                donor.client()
                        .withHeader("If-Match", etag)
                        .post("/api/v1/pledges/" + id + "/withdraw", json());
        var staleBody =
                donor.client().post("/api/v1/pledges/" + id + "/withdraw", json("version", 0));
        var garbled =
                donor.client()
                        .withHeader("If-Match", "W/\"1\"")
                        .post("/api/v1/pledges/" + id + "/withdraw", json());
        var disagreeing =
                donor.client()
                        .withHeader("If-Match", "\"1\"")
                        .post("/api/v1/pledges/" + id + "/withdraw", json("version", 0));
        var current =
                donor.client()
                        .withHeader("If-Match", verified.header("ETag"))
                        .post("/api/v1/pledges/" + id + "/withdraw", json());

        assertThat(etag).isEqualTo("\"0\"");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(staleHeader.status()).isEqualTo(409);
        assertThat(staleHeader.text("detail")).contains("changed by someone else");
        assertThat(staleBody.status()).isEqualTo(409);
        assertThat(staleBody.text("detail")).contains("changed by someone else");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(Registry.fields(garbled)).containsExactly("If-Match");
        assertThat(disagreeing.status()).isEqualTo(400);
        assertThat(Registry.fields(disagreeing)).containsExactly("version");
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.text("status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void aReadNamingTheCurrentVersionIsNotModifiedAndAnOlderOneGetsTheRecord() {
        var donor = Registry.donorWithProfile();
        String id = pledgeId(donor, kidneyPledge());
        coordinator.client().post("/api/v1/admin/pledges/" + id + "/verify", json());

        var current =
                donor.client().withHeader("If-None-Match", "\"1\"").get("/api/v1/pledges/" + id);
        var older =
                donor.client().withHeader("If-None-Match", "\"0\"").get("/api/v1/pledges/" + id);

        assertThat(current.status()).isEqualTo(304);
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.header("ETag")).isEqualTo("\"1\"");
    }

    /** Runs the call {@link #PARALLEL} times at once, released together. */
    private static List<ApiClient.Response> together(Callable<ApiClient.Response> call)
            throws Exception {
        var tasks = new ArrayList<Callable<ApiClient.Response>>();
        for (int i = 0; i < PARALLEL; i++) {
            tasks.add(call);
        }
        return together(tasks);
    }

    private static List<ApiClient.Response> together(List<Callable<ApiClient.Response>> tasks)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (Callable<ApiClient.Response> task : tasks) {
            futures.add(
                    threads.submit(
                            () -> {
                                ready.countDown();
                                go.await();
                                return task.call();
                            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<ApiClient.Response> answers = new ArrayList<>();
        for (Future<ApiClient.Response> future : futures) {
            answers.add(future.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static tools.jackson.databind.JsonNode read(Accounts.SignedIn who, String id) {
        var response = who.client().get("/api/v1/pledges/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
