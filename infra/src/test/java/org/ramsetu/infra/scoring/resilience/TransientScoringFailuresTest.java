package org.ramsetu.infra.scoring.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.scoring.CandidateProblem;
import org.ramsetu.infra.scoring.InvalidCandidatesException;
import org.ramsetu.infra.scoring.ScoringUnavailableException;
import org.ramsetu.infra.scoring.TooManyCandidatesException;
import org.ramsetu.infra.scoring.UnknownOrganException;

class TransientScoringFailuresTest {

    @Test
    void connectionFailuresTimeoutsAndGatewayStatusesAreTransient() {
        assertThat(
                        TransientScoringFailures.isTransient(
                                new ScoringUnavailableException(
                                        "x", new ConnectException("refused"))))
                .isTrue();
        assertThat(
                        TransientScoringFailures.isTransient(
                                new ScoringUnavailableException(
                                        "x", new HttpTimeoutException("slow"))))
                .isTrue();
        for (int status : new int[] {502, 503, 504}) {
            assertThat(
                            TransientScoringFailures.isTransient(
                                    new ScoringUnavailableException(
                                            "scoring answered " + status + ": busy")))
                    .as("HTTP " + status)
                    .isTrue();
        }
    }

    @Test
    void refusalsFaultsAndOtherErrorsAreNot() {
        assertThat(
                        TransientScoringFailures.isTransient(
                                new ScoringUnavailableException("scoring answered 500: bug")))
                .isFalse();
        assertThat(
                        TransientScoringFailures.isTransient(
                                new InvalidCandidatesException(
                                        List.of(CandidateProblem.ofRequest("topK", "bad")))))
                .isFalse();
        assertThat(TransientScoringFailures.isTransient(new UnknownOrganException("lung")))
                .isFalse();
        assertThat(TransientScoringFailures.isTransient(new TooManyCandidatesException(9, 1)))
                .isFalse();
        assertThat(TransientScoringFailures.isTransient(new IllegalStateException("x"))).isFalse();
    }
}
