package org.ramsetu.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.registry.pledges.ChangingPledgeStatus;
import org.ramsetu.platform.registry.pledges.PledgeStatusChanged;
import org.ramsetu.platform.registry.pledges.Pledges;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;
import org.ramsetu.platform.testing.TestPledges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A registry change announces itself as a past-tense event, published inside the transaction that
 * made it: the side effects (audit entry, mail queued in the outbox) are synchronous listeners, so
 * they commit with the change or not at all, and the outbox keeps them exactly once.
 */
class RegistryEventsIntegrationTest {

    private final Pledges pledges = new Pledges(RegistryDatabase.jdbc());
    private final CurrentUser coordinator =
            new CurrentUser(RegistryDatabase.newAccount("ADMIN"), Role.ADMIN);

    @Test
    void aStatusChangeIsPublishedInsideItsTransaction() {
        UUID pledge = pendingPledge();
        List<Object> published = new ArrayList<>();
        List<Boolean> inTransaction = new ArrayList<>();
        ApplicationEventPublisher events =
                event -> {
                    published.add(event);
                    inTransaction.add(
                            TransactionSynchronizationManager.isActualTransactionActive());
                };

        changing(events).verify(coordinator, pledge, ExpectedVersion.any());

        assertThat(published)
                .singleElement()
                .isInstanceOfSatisfying(
                        PledgeStatusChanged.class,
                        changed -> {
                            assertThat(changed.from()).isEqualTo(PledgeStatus.PENDING);
                            assertThat(changed.pledge().status()).isEqualTo(PledgeStatus.VERIFIED);
                            assertThat(changed.pledge().version()).isEqualTo(1);
                            assertThat(changed.by()).isEqualTo(coordinator);
                            assertThat(changed.reason()).isNull();
                        });
        assertThat(inTransaction).containsExactly(true);
    }

    @Test
    void aListenerThatFailsUndoesTheChange() {
        UUID pledge = pendingPledge();
        ApplicationEventPublisher failing =
                event -> {
                    throw new IllegalStateException("the mail could not be queued");
                };

        assertThatThrownBy(
                        () -> changing(failing).verify(coordinator, pledge, ExpectedVersion.any()))
                .hasMessageContaining("could not be queued");

        assertThat(pledges.find(pledge).orElseThrow().status()).isEqualTo(PledgeStatus.PENDING);
        assertThat(pledges.find(pledge).orElseThrow().version()).isZero();
    }

    private ChangingPledgeStatus changing(ApplicationEventPublisher events) {
        Clock clock = Clock.systemUTC();
        return new ChangingPledgeStatus(
                pledges,
                new RecordAccess(new AuditLog(RegistryDatabase.jdbc(), clock)),
                events,
                RegistryDatabase.transactions(),
                clock);
    }

    private static UUID pendingPledge() {
        UUID donor = RegistryDatabase.newAccount("DONOR");
        return TestPledges.insert(RegistryDatabase.jdbc(), donor, "CORNEA", "PENDING", null);
    }
}
