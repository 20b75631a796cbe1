package org.ramsetu.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UndoWindowTest {

    private static final UUID REVIEWER = UUID.randomUUID();
    private static final Instant DECIDED = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void theReviewerUndoesTheirOwnDecisionUpToTenMinutesLater() {
        for (Duration later : new Duration[] {Duration.ZERO, Duration.ofMinutes(10)}) {
            assertThatCode(
                            () ->
                                    UndoWindow.check(
                                            "review",
                                            REVIEWER,
                                            DECIDED,
                                            REVIEWER,
                                            DECIDED.plus(later)))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aColleagueCannotUndoItAndNobodyCanAfterTheWindow() {
        assertRefusedAs("undo-not-yours", UUID.randomUUID(), DECIDED);
        assertRefusedAs(
                "undo-expired", REVIEWER, DECIDED.plus(Duration.ofMinutes(10)).plusMillis(1));
    }

    private static void assertRefusedAs(String type, UUID undoing, Instant now) {
        assertThatThrownBy(() -> UndoWindow.check("review", REVIEWER, DECIDED, undoing, now))
                .isInstanceOfSatisfying(
                        Conflict.class, refused -> assertThat(refused.type()).isEqualTo(type));
    }
}
