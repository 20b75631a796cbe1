package org.ramsetu.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Renders every overlay of deploy/k8s with {@code kubectl kustomize} and validates what a cluster
 * would receive. Without kubectl the tests are skipped, unless RAMSETU_REQUIRE_KUBECTL=1 (CI),
 * where they fail. RAMSETU_KUBECTL names another kubectl; RAMSETU_KUBECTL_COMPARE a second one
 * (Debian's 1.20, whose kustomize is v2.0) that must render the same objects.
 */
class DeployManifestsTest {

    private static final Path K8S = Manifests.k8sRoot();

    @BeforeAll
    static void kubectlIsThere() {
        if (!Manifests.runs(Manifests.kubectl())) {
            String msg = Manifests.kubectl() + " does not run (install: deploy/k8s/packages)";
            if ("1".equals(System.getenv("RAMSETU_REQUIRE_KUBECTL"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
    }

    private static List<JsonNode> rendered(String overlay) throws Exception {
        return Manifests.parse(
                Manifests.render(Manifests.kubectl(), K8S.resolve("overlays").resolve(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "national"})
    void everyDocumentIsValidAgainstItsKindsSchema(String overlay) throws Exception {
        List<JsonNode> docs = rendered(overlay);
        StrictValidator validator = new StrictValidator(K8S.resolve("schemas"));
        List<String> problems = new ArrayList<>();
        docs.forEach(d -> problems.addAll(validator.validate(d)));
        assertThat(problems).isEmpty();
        // Every kind the layout promises is there (and so was validated above).
        assertThat(docs.stream().map(d -> d.path("kind").asString()).distinct())
                .contains(
                        "Namespace",
                        "Deployment",
                        "StatefulSet",
                        "Service",
                        "ConfigMap",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "NetworkPolicy",
                        "Ingress",
                        "ServiceAccount",
                        "ExternalSecret",
                        "SecretStore",
                        "Cluster",
                        "ScheduledBackup",
                        "PodMonitor",
                        "ServiceMonitor",
                        "PrometheusRule");
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "national"})
    void referencesSelectorsProbesAndResourcesHoldTogether(String overlay) throws Exception {
        Semantics s = new Semantics(rendered(overlay));
        assertThat(s.all()).isEmpty();
        // The image is the registry's, not the bare name of the base.
        for (JsonNode d : s.ofKind("Deployment")) {
            assertThat(
                            d.path("spec")
                                    .path("template")
                                    .path("spec")
                                    .path("containers")
                                    .get(0)
                                    .path("image")
                                    .asString())
                    .as(Manifests.id(d))
                    .startsWith("registry.example.org/ramsetu/ramsetu:");
        }
        // Sync replication needs a standby besides the primary.
        assertThat(s.find("Cluster", "ramsetu-db").path("spec").path("instances").asInt())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void nationalKeepsThreeOfEverythingThatServes() throws Exception {
        Semantics s = new Semantics(rendered("national"));
        assertThat(
                        s.find("HorizontalPodAutoscaler", "ramsetu-api")
                                .path("spec")
                                .path("minReplicas")
                                .asInt())
                .isGreaterThanOrEqualTo(3);
        assertThat(s.find("Cluster", "ramsetu-db").path("spec").path("instances").asInt())
                .isGreaterThanOrEqualTo(3);
        assertThat(
                        s.find("Cluster", "ramsetu-db")
                                .path("spec")
                                .path("affinity")
                                .path("podAntiAffinityType")
                                .asString())
                .isEqualTo("required");
        assertThat(s.find("StatefulSet", "ramsetu-redis").path("spec").path("replicas").asInt())
                .isGreaterThanOrEqualTo(3);
        assertThat(s.find("StatefulSet", "ramsetu-sentinel").path("spec").path("replicas").asInt())
                .isEqualTo(3);
    }

    /** The PrometheusRules carry exactly the rule files of deploy/prometheus/rules. */
    @Test
    void prometheusRulesAreTheRuleFiles() throws Exception {
        Map<String, JsonNode> expected = new TreeMap<>();
        try (Stream<Path> files = Files.list(K8S.resolveSibling("prometheus").resolve("rules"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                String name = "ramsetu-" + f.getFileName().toString().replaceFirst("\\.yml$", "");
                expected.put(name, Manifests.YAML.readTree(f.toFile()));
            }
        }
        Map<String, JsonNode> actual = new TreeMap<>();
        for (JsonNode d : rendered("national")) {
            if (d.path("kind").asString().equals("PrometheusRule")) {
                actual.put(d.path("metadata").path("name").asString(), d.path("spec"));
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(actual)
                .as(
                        "base/prometheus-rules.yaml is out of date: run deploy/k8s/gen-prometheus-rules")
                .isEqualTo(expected);
    }

    /** Debian's kubectl 1.20 (kustomize v2.0) renders the same objects as the current kubectl. */
    @ParameterizedTest
    @ValueSource(strings = {"small", "national"})
    void anOlderKubectlRendersTheSameObjects(String overlay) throws Exception {
        String other = System.getenv("RAMSETU_KUBECTL_COMPARE");
        Assumptions.assumeTrue(
                other != null && !other.isBlank(), "RAMSETU_KUBECTL_COMPARE not set");
        Path dir = K8S.resolve("overlays").resolve(overlay);
        assertThat(byId(Manifests.parse(Manifests.render(other, dir))))
                .isEqualTo(byId(Manifests.parse(Manifests.render(Manifests.kubectl(), dir))));
    }

    private static Map<String, JsonNode> byId(List<JsonNode> docs) {
        Map<String, JsonNode> m = new TreeMap<>();
        docs.forEach(d -> m.put(Manifests.id(d), d));
        return m;
    }
}
