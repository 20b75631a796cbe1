package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ramsetu.platform.api.PlatformInstance;

/**
 * The features' endpoints and bodies are in the OpenAPI description clients read (the platform's
 * own API tests run without the product's description, so these checks live here).
 */
class FeatureRoutesDescriptionIntegrationTest {

    @Test
    void theOpenApiDescriptionListsEveryRegistryEndpointAndBody() {
        var docs = PlatformInstance.client().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"/api/v1/donors/me\"")
                .contains("\"/api/v1/donors/{accountId}\"")
                .contains("\"/api/v1/pledges\"")
                .contains("\"/api/v1/pledges/{id}\"")
                .contains("\"/api/v1/pledges/{id}/withdraw\"")
                .contains("\"/api/v1/admin/pledges/{id}/verify\"")
                .contains("\"/api/v1/admin/pledges/{id}/reject\"")
                .contains("\"/api/v1/patients/me\"")
                .contains("\"/api/v1/patients/{accountId}\"")
                .contains("\"/api/v1/transplant-requests\"")
                .contains("\"/api/v1/transplant-requests/{id}\"")
                .contains("\"/api/v1/admin/transplant-requests/{id}/remove\"")
                .contains("\"CreatePledgeRequest\"")
                .contains("\"CreateTransplantRequest\"")
                .contains("\"DonorProfileRequest\"")
                .contains("\"PatientProfileRequest\"")
                .contains("Idempotency-Key")
                .as("the container's error page is not a route of the API")
                .doesNotContain("\"/error\"");
    }

    @Test
    void theOpenApiDescriptionListsTheAllocationRoutesAndTheirBodies() {
        var docs = PlatformInstance.client().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"/api/v1/pledges/{id}/allocation-runs\"")
                .contains("\"/api/v1/allocation-runs/{id}\"")
                .contains("\"/api/v1/admin/allocation-simulations\"")
                .contains("\"AllocationRunView\"")
                .contains("\"CandidateView\"")
                .contains("\"SimulationReport\"");
    }
}
