package org.ramsetu.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.testing.MutableClock;
import org.ramsetu.platform.web.ApiProblem;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** {@link IdempotentRequests} against PostgreSQL: lifetime, refusals, per-account keys. */
class IdempotentRequestsIntegrationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final IdempotentRequests idempotent =
            new IdempotentRequests(
                    RegistryDatabase.jdbc(),
                    JsonMapper.builder().build(),
                    RegistryDatabase.transactions(),
                    clock,
                    Duration.ofHours(24));
    private final UUID user = RegistryDatabase.newAccount("DONOR");
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aRepeatWithinTheLifetimeIsReplayedAndTheWorkRunsOnce() {
        var first = create("key-1", Map.of("organ", "KIDNEY"));
        clock.advance(Duration.ofHours(23));
        var repeat = create("key-1", Map.of("organ", "KIDNEY"));

        assertThat(runs).hasValue(1);
        assertThat(repeat.getStatusCode().value()).isEqualTo(201);
        assertThat(repeat.getBody()).isEqualTo(first.getBody());
        assertThat(repeat.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(repeat.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(repeat.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void afterTheLifetimeTheKeyStandsForANewRequest() {
        create("key-2", Map.of("organ", "KIDNEY"));
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        var later = create("key-2", Map.of("organ", "LIVER"));

        assertThat(runs).hasValue(2);
        assertThat(later.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(storedKeys()).isEqualTo(1);
    }

    @Test
    void anotherRequestUnderALiveKeyIsRefusedWith422AndDoesNoWork() {
        create("key-3", Map.of("organ", "KIDNEY"));

        assertThatThrownBy(() -> create("key-3", Map.of("organ", "HEART")))
                .isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(422));
        assertThatThrownBy(
                        () ->
                                idempotent.execute(
                                        user,
                                        "key-3",
                                        "POST /elsewhere",
                                        Map.of("organ", "KIDNEY"),
                                        this::work))
                .isInstanceOf(ApiProblem.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRefusalRollsBackAndIsNotRemembered() {
        assertThatThrownBy(
                        () ->
                                idempotent.execute(
                                        user,
                                        "key-4",
                                        "POST /things",
                                        Map.of("organ", "KIDNEY"),
                                        () -> {
                                            runs.incrementAndGet();
                                            throw new Conflict("busy", "try again");
                                        }))
                .isInstanceOf(Conflict.class);
        var retry = create("key-4", Map.of("organ", "KIDNEY"));

        assertThat(runs).hasValue(2);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void keysAreOneAccountsAndNoKeyMeansNoMemory() {
        UUID other = RegistryDatabase.newAccount("DONOR");
        create("key-5", Map.of("organ", "KIDNEY"));

        idempotent.execute(other, "key-5", "POST /things", Map.of("organ", "KIDNEY"), this::work);
        idempotent.execute(user, null, "POST /things", Map.of("organ", "KIDNEY"), this::work);
        idempotent.execute(user, null, "POST /things", Map.of("organ", "KIDNEY"), this::work);

        assertThat(runs).hasValue(4);
    }

    @Test
    void expiredKeysOfAnyAccountAreCleanedUpByLaterRequests() {
        UUID other = RegistryDatabase.newAccount("PATIENT");
        idempotent.execute(other, "old", "POST /things", Map.of(), this::work);
        clock.advance(Duration.ofDays(2));

        create("key-6", Map.of("organ", "KIDNEY"));

        assertThat(
                        RegistryDatabase.jdbc()
                                .sql("select count(*) from idempotency_key where account_id = :a")
                                .param("a", other)
                                .query(Long.class)
                                .single())
                .isZero();
    }

    private ResponseEntity<?> create(String key, Object body) {
        return idempotent.execute(user, key, "POST /things", body, this::work);
    }

    private ResponseEntity<?> work() {
        int n = runs.incrementAndGet();
        UUID id = UUID.randomUUID();
        return ResponseEntity.created(URI.create("/things/" + id))
                .eTag("\"0\"")
                .body(Map.of("id", id.toString(), "run", n));
    }

    private long storedKeys() {
        return RegistryDatabase.jdbc()
                .sql("select count(*) from idempotency_key where account_id = :a")
                .param("a", user)
                .query(Long.class)
                .single();
    }
}
