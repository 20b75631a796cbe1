package org.ramsetu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.testing.TestDatabase;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.web.ApiProblem;

/** Object-level authorization, the one place every feature uses. */
class RecordAccessIntegrationTest {

    @TempDir static Path dir;
    private static TestDatabase db;
    private static RecordAccess access;

    private record Pledge(UUID id, UUID donorId) {}

    private final UUID owner = UUID.randomUUID();
    private final Pledge pledge = new Pledge(UUID.randomUUID(), owner);

    @BeforeAll
    static void start() {
        db = TestDatabase.start(dir);
        access = new RecordAccess(new AuditLog(db.jdbc(), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void theOwnerReadsAndChangesTheirRecord() {
        CurrentUser me = new CurrentUser(owner, Role.DONOR);

        assertThat(read(me)).isEqualTo(pledge);
        assertThat(access.change(me, "pledge", pledge.id(), Optional.of(pledge), Pledge::donorId))
                .isEqualTo(pledge);
    }

    @Test
    void anyoneElseGetsTheSameNotFoundAsForAMissingRecord() {
        CurrentUser other = new CurrentUser(UUID.randomUUID(), Role.PATIENT);

        assertThatThrownBy(() -> read(other))
                .isInstanceOfSatisfying(
                        NotFound.class,
                        p -> {
                            assertThat(ApiProblem.from(p).status().value()).isEqualTo(404);
                            assertThat(p.getMessage())
                                    .isEqualTo("no pledge with id " + pledge.id());
                        });
        assertThatThrownBy(
                        () ->
                                access.read(
                                        other,
                                        "pledge",
                                        pledge.id(),
                                        Optional.<Pledge>empty(),
                                        Pledge::donorId,
                                        RecordAccess.Sensitivity.MEDICAL))
                .hasMessage("no pledge with id " + pledge.id());
    }

    @Test
    void coordinatorsReadEverythingAndEachMedicalReadIsAuditedButDoNotChangeOthersRecords() {
        CurrentUser coordinator = new CurrentUser(UUID.randomUUID(), Role.ADMIN);

        assertThat(read(coordinator)).isEqualTo(pledge);
        long audited =
                db.jdbc()
                        .sql(
                                "select count(*) from audit_event where action ="
                                        + " 'MEDICAL_RECORD_READ' and actor_id = :a and target_id = :t")
                        .param("a", coordinator.id())
                        .param("t", pledge.id().toString())
                        .query(Long.class)
                        .single();
        assertThat(audited).isEqualTo(1);
        assertThatThrownBy(
                        () ->
                                access.change(
                                        coordinator,
                                        "pledge",
                                        pledge.id(),
                                        Optional.of(pledge),
                                        Pledge::donorId))
                .isInstanceOf(NotFound.class);
    }

    private Pledge read(CurrentUser user) {
        return access.read(
                user,
                "pledge",
                pledge.id(),
                Optional.of(pledge),
                Pledge::donorId,
                RecordAccess.Sensitivity.MEDICAL);
    }
}
