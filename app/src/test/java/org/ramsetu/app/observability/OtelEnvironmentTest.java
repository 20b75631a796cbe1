package org.ramsetu.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OtelEnvironmentTest {

    @Test
    void theGenericEndpointGetsTheTracesPathAppended() {
        assertThat(
                        OtelEnvironment.properties(
                                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318/")))
                .containsEntry(
                        "management.opentelemetry.tracing.export.otlp.endpoint",
                        "http://c:4318/v1/traces");
    }

    @Test
    void theTracesEndpointIsTakenAsItIsAndWinsOverTheGenericOne() {
        assertThat(
                        OtelEnvironment.properties(
                                Map.of(
                                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://a:4318",
                                        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://b:9/t")))
                .containsEntry(
                        "management.opentelemetry.tracing.export.otlp.endpoint", "http://b:9/t");
    }

    @Test
    void headersResourceAttributesServiceNameAndSamplerAreMapped() {
        Map<String, Object> p =
                OtelEnvironment.properties(
                        Map.of(
                                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=s%3Dcret, tenant=ramsetu",
                                "OTEL_RESOURCE_ATTRIBUTES",
                                        "deployment.environment=prod,region=in-west",
                                "OTEL_SERVICE_NAME", "ramsetu-api-blue",
                                "OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
                                "OTEL_TRACES_SAMPLER_ARG", "0.25"));
        assertThat(p)
                .containsEntry(
                        "management.opentelemetry.tracing.export.otlp.headers.api-key", "s=cret")
                .containsEntry(
                        "management.opentelemetry.tracing.export.otlp.headers.tenant", "ramsetu")
                .containsEntry(
                        "management.opentelemetry.resource-attributes.deployment.environment",
                        "prod")
                .containsEntry("management.opentelemetry.resource-attributes.region", "in-west")
                .containsEntry(
                        "management.opentelemetry.resource-attributes.service.name",
                        "ramsetu-api-blue")
                .containsEntry("management.tracing.sampling.probability", "0.25");
    }

    @Test
    void nothingSetMapsToNothing() {
        assertThat(OtelEnvironment.properties(Map.of())).isEmpty();
    }

    @Test
    void alwaysOffSwitchesSamplingOff() {
        assertThat(OtelEnvironment.properties(Map.of("OTEL_TRACES_SAMPLER", "always_off")))
                .containsEntry("management.tracing.sampling.probability", "0.0");
    }
}
