package org.ramsetu.app.observability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard OpenTelemetry environment variables, as Spring Boot properties: operators configure
 * trace export the way every OpenTelemetry SDK is configured, and an OpenTelemetry Operator or
 * collector sidecar that sets these variables just works. Only what Spring Boot's exporter can
 * honour is mapped; a Spring property set explicitly still wins (these are defaults).
 */
public final class OtelEnvironment {

    private OtelEnvironment() {}

    public static Map<String, Object> properties(Map<String, String> env) {
        Map<String, Object> p = new LinkedHashMap<>();
        String traces = env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        String base = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (present(traces)) {
            p.put("management.opentelemetry.tracing.export.otlp.endpoint", traces.trim());
        } else if (present(base)) {
            // The specification: the generic endpoint gets the signal's path appended.
            String trimmed = base.trim().replaceAll("/+$", "");
            p.put("management.opentelemetry.tracing.export.otlp.endpoint", trimmed + "/v1/traces");
        }
        String headers =
                firstPresent(
                        env.get("OTEL_EXPORTER_OTLP_TRACES_HEADERS"),
                        env.get("OTEL_EXPORTER_OTLP_HEADERS"));
        if (headers != null) {
            keyValues(headers)
                    .forEach(
                            (k, v) ->
                                    p.put(
                                            "management.opentelemetry.tracing.export.otlp.headers."
                                                    + k,
                                            v));
        }
        String compression =
                firstPresent(
                        env.get("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION"),
                        env.get("OTEL_EXPORTER_OTLP_COMPRESSION"));
        if (compression != null) {
            p.put("management.opentelemetry.tracing.export.otlp.compression", compression.trim());
        }
        String ratio = env.get("OTEL_TRACES_SAMPLER_ARG");
        String sampler = env.get("OTEL_TRACES_SAMPLER");
        if (present(sampler) && sampler.trim().endsWith("always_off")) {
            p.put("management.tracing.sampling.probability", "0.0");
        } else if (present(sampler) && sampler.trim().endsWith("always_on")) {
            p.put("management.tracing.sampling.probability", "1.0");
        } else if (present(ratio)) {
            p.put("management.tracing.sampling.probability", ratio.trim());
        }
        if (present(env.get("OTEL_RESOURCE_ATTRIBUTES"))) {
            keyValues(env.get("OTEL_RESOURCE_ATTRIBUTES"))
                    .forEach(
                            (k, v) ->
                                    p.put("management.opentelemetry.resource-attributes." + k, v));
        }
        if (present(env.get("OTEL_SERVICE_NAME"))) {
            p.put(
                    "management.opentelemetry.resource-attributes.service.name",
                    env.get("OTEL_SERVICE_NAME").trim());
        }
        return p;
    }

    /** {@code k1=v1,k2=v2} as the specification writes lists (values percent-decoded). */
    static Map<String, String> keyValues(String list) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : list.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (!key.isEmpty()) {
                result.put(
                        key,
                        java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String firstPresent(String a, String b) {
        return present(a) ? a : present(b) ? b : null;
    }
}
