package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.audit;
import static org.ramsetu.platform.api.Registry.fields;
import static org.ramsetu.platform.api.Registry.kidneyPledge;
import static org.ramsetu.platform.api.Registry.liverRequest;
import static org.ramsetu.platform.api.Registry.with;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on the POSTs that create records: a retry of the same request gets the
 * first answer and creates nothing; the same key with another request is refused.
 */
class IdempotencyIntegrationTest {

    private static Accounts.SignedIn coordinator;

    @BeforeAll
    static void signIn() {
        coordinator = Accounts.coordinator();
    }

    @Test
    void theSameRequestWithTheSameKeyIsAnsweredOnceAndReplayed() {
        var donor = Registry.donorWithProfile();
        var keyed = donor.client().withHeader("Idempotency-Key", UUID.randomUUID().toString());

        var first = keyed.post("/api/v1/pledges", kidneyPledge());
        // Same request, other spacing and field order: still the same request.
        var retry =
                keyed.post(
                        "/api/v1/pledges",
                        "{ \"kidney\": {\"creatinine\": {\"value\": 0.9, \"unit\": \"mg/dL\"},"
                                + " \"renalFunction\": \"NORMAL\", \"imaging\": \"NORMAL\","
                                + " \"cardiacRisk\": \"GOOD\"}, \"consent\": true,"
                                + " \"organ\": \"KIDNEY\" }");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(donor.client().get("/api/v1/pledges").json().path("items").size()).isEqualTo(1);
        assertThat(audit(coordinator, "PLEDGE_CREATED", "pledge", first.text("id"))).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedWith422() {
        var donor = Registry.donorWithProfile();
        var keyed = donor.client().withHeader("Idempotency-Key", "pledge-" + UUID.randomUUID());
        keyed.post("/api/v1/pledges", kidneyPledge());

        var otherBody = keyed.post("/api/v1/pledges", Registry.liverPledge());
        var otherEndpoint = keyed.post("/api/v1/transplant-requests", liverRequest());

        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().path("type").asString()).endsWith("idempotency-key-reused");
        assertThat(otherBody.text("detail")).contains("different request");
        assertThat(otherEndpoint.status()).isEqualTo(422);
        assertThat(donor.client().get("/api/v1/pledges").json().path("items").size()).isEqualTo(1);
    }

    @Test
    void keysBelongToOneAccountAndWithoutAKeyAPostIsAnsweredAsUsual() {
        String key = UUID.randomUUID().toString();
        var asha = Registry.donorWithProfile();
        var ravi = Registry.donorWithProfile();

        var ashas =
                asha.client()
                        .withHeader("Idempotency-Key", key)
                        .post("/api/v1/pledges", kidneyPledge());
        var ravis =
                ravi.client()
                        .withHeader("Idempotency-Key", key)
                        .post("/api/v1/pledges", kidneyPledge());
        var unkeyedAgain = asha.client().post("/api/v1/pledges", kidneyPledge());

        assertThat(ashas.status()).isEqualTo(201);
        assertThat(ravis.status()).isEqualTo(201);
        assertThat(ravis.text("id")).isNotEqualTo(ashas.text("id"));
        assertThat(ravis.header("Idempotent-Replayed")).isNull();
        assertThat(unkeyedAgain.status()).isEqualTo(409);
    }

    @Test
    void aRefusedRequestIsNotRememberedSoTheCorrectedRetrySucceeds() {
        var donor = Registry.donorWithProfile();
        var keyed = donor.client().withHeader("Idempotency-Key", UUID.randomUUID().toString());

        var refused = keyed.post("/api/v1/pledges", with(kidneyPledge(), "consent", false));
        var corrected = keyed.post("/api/v1/pledges", kidneyPledge());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
    }

    @Test
    void transplantRequestsAreIdempotentToo() {
        var patient = Registry.patientWithProfile();
        var keyed = patient.client().withHeader("Idempotency-Key", UUID.randomUUID().toString());

        var first = keyed.post("/api/v1/transplant-requests", liverRequest());
        var retry = keyed.post("/api/v1/transplant-requests", liverRequest());

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOnePledgeAndAllGetItsAnswer() throws Exception {
        var donor = Registry.donorWithProfile();
        var keyed = donor.client().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        int parallel = 6;
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                futures.add(
                        threads.submit(
                                () -> {
                                    go.await();
                                    return keyed.post("/api/v1/pledges", kidneyPledge());
                                }));
            }
            go.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (var future : futures) {
                answers.add(future.get(30, TimeUnit.SECONDS));
            }

            assertThat(answers)
                    .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
            assertThat(answers.stream().map(a -> a.text("id")).distinct()).hasSize(1);
            assertThat(answers).filteredOn(a -> a.header("Idempotent-Replayed") == null).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() {
        var donor = Registry.donorWithProfile();

        var blank =
                donor.client()
                        .withHeader("Idempotency-Key", "two words")
                        .post("/api/v1/pledges", kidneyPledge());
        var tooLong =
                donor.client()
                        .withHeader("Idempotency-Key", "k".repeat(201))
                        .post("/api/v1/pledges", kidneyPledge());

        assertThat(blank.status()).isEqualTo(400);
        assertThat(fields(blank)).containsExactly("Idempotency-Key");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(donor.client().get("/api/v1/pledges").json().path("items").size()).isZero();
    }
}
