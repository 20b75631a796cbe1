package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The check every HTTP exchange of this suite goes through ({@link ContractCheck}) refuses what the
 * description does not allow; without it the suite would pass on any drift.
 */
class ContractCheckTest {

    private static final URI PLEDGE =
            URI.create("http://localhost/api/v1/pledges/6f1c2f0e-8d1e-4f4b-9a55-0a1f3e2b7c10");
    private static final String PLEDGE_BODY =
            """
            {"id":"6f1c2f0e-8d1e-4f4b-9a55-0a1f3e2b7c10","donorId":"0b5e8c1e-2f9a-4d0c-b1a4-3d2e1f0a9b8c",
             "organ":"KIDNEY","status":"PENDING","consentGivenAt":"2026-12-01T10:00:00Z",
             "rejectionReason":null,"donor":{"bloodGroup":"O+","city":"Pune","state":"Maharashtra"},
             "createdAt":"2026-12-01T10:00:00Z","statusChangedAt":"2026-12-01T10:00:00Z","version":0}
            """;

    private final ContractCheck check = ContractCheck.instance();

    /** The check of a pledge read back (GET, 200, JSON) with this body. */
    private ThrowingCallable pledgeRead(String body) {
        return () -> check.check("GET", PLEDGE, null, 200, "application/json", body);
    }

    @Test
    void aBodyAsDescribedPasses() {
        assertThatCode(pledgeRead(PLEDGE_BODY)).doesNotThrowAnyException();
    }

    @Test
    void aMediaTypeListedWithParametersMatchesItsBaseTypeAndNoOther() {
        URI metrics = URI.create("http://localhost/actuator/prometheus");
        assertThatCode(() -> check.check("GET", metrics, null, 200, "text/plain", "# HELP x\n"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check.check("GET", metrics, null, 200, "text/html", "<p>"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("text/html");
    }

    @Test
    void aMissingRequiredFieldIsDrift() {
        String withoutStatus = PLEDGE_BODY.replace("\"status\":\"PENDING\",", "");
        assertThatThrownBy(pledgeRead(withoutStatus))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status");
    }

    @Test
    void nullWhereTheDescriptionSaysNeverIsDrift() {
        String nullOrgan = PLEDGE_BODY.replace("\"KIDNEY\"", "null");
        assertThatThrownBy(pledgeRead(nullOrgan))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("organ");
    }

    @Test
    void aStatusTheOperationDoesNotListIsDrift() {
        assertThatThrownBy(
                        () ->
                                check.check(
                                        "GET",
                                        PLEDGE,
                                        null,
                                        418,
                                        "application/problem+json",
                                        "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":418,"
                                                + "\"detail\":\"d\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("418");
    }

    @Test
    void anAcceptedRequestOutsideItsSchemaIsDrift() {
        assertThatThrownBy(
                        () ->
                                check.check(
                                        "POST",
                                        URI.create("http://localhost/api/v1/auth/logout"),
                                        "{\"refreshToken\":1}",
                                        204,
                                        null,
                                        ""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("refreshToken");
    }
}
