package org.ramsetu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The checks of DeployManifestsTest find the mistakes they are there for (no kubectl needed). */
class ValidatorCatchesMistakesTest {

    private final StrictValidator validator =
            new StrictValidator(Manifests.k8sRoot().resolve("schemas"));

    private static JsonNode yaml(String text) throws Exception {
        return Manifests.YAML.readTree(text);
    }

    private static List<JsonNode> docs(String text) throws Exception {
        return Manifests.parse(text);
    }

    @Test
    void aMisspelledFieldOfACoreKindIsRefused() throws Exception {
        JsonNode d =
                yaml(
                        """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: x}
                        spec:
                          selector: {matchLabels: {a: b}}
                          template:
                            metadata: {labels: {a: b}}
                            spec:
                              containers:
                                - name: c
                                  image: i
                                  readinessProbe: {httpGet: {path: /, port: 80}, periodSecond: 5}
                        """);
        assertThat(validator.validate(d))
                .singleElement()
                .asString()
                .contains("periodSecond")
                .contains("readinessProbe");
    }

    @Test
    void aWrongTypeOfACoreKindIsRefused() throws Exception {
        JsonNode d =
                yaml(
                        """
                        apiVersion: autoscaling/v2
                        kind: HorizontalPodAutoscaler
                        metadata: {name: x}
                        spec: {minReplicas: three, maxReplicas: 3, scaleTargetRef: {kind: Deployment, name: x}}
                        """);
        assertThat(validator.validate(d)).singleElement().asString().contains("does not parse");
    }

    @Test
    void aMisspelledFieldOfAMonitoringKindIsRefused() throws Exception {
        JsonNode d =
                yaml(
                        """
                        apiVersion: monitoring.coreos.com/v1
                        kind: ServiceMonitor
                        metadata: {name: x}
                        spec:
                          selector: {matchLabels: {a: b}}
                          endpoints: [{port: http, intervall: 15s}]
                        """);
        assertThat(validator.validate(d)).singleElement().asString().contains("intervall");
    }

    @Test
    void aMisspelledOrMistypedFieldOfACloudNativePgClusterIsRefused() throws Exception {
        JsonNode d =
                yaml(
                        """
                        apiVersion: postgresql.cnpg.io/v1
                        kind: Cluster
                        metadata: {name: x}
                        spec:
                          instances: "3"
                          storage: {size: 1Gi}
                          postgresql:
                            synchronous: {method: any, number: 1, durability: preferred}
                        """);
        List<String> problems = validator.validate(d);
        assertThat(String.join("\n", problems)).contains("durability").contains("instances");
    }

    @Test
    void aMisspelledFieldOfACertificateIsRefusedAndAMissingIssuerFound() throws Exception {
        List<JsonNode> d =
                docs(
                        """
                        apiVersion: cert-manager.io/v1
                        kind: Certificate
                        metadata: {name: x}
                        spec:
                          secretName: x-tls
                          dnsName: [x.example]
                          issuerRef: {kind: Issuer, name: nobody}
                        """);
        assertThat(validator.validate(d.get(0))).singleElement().asString().contains("dnsName");
        assertThat(new Semantics(d).references())
                .contains("Certificate/x: issuer nobody does not exist");
    }

    @Test
    void anUnknownKindCannotPassUnvalidated() throws Exception {
        JsonNode d = yaml("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: x}\n");
        assertThat(validator.validate(d)).singleElement().asString().contains("no model or schema");
    }

    @Test
    void anExternalSecretWithAnUnknownFieldIsRefused() throws Exception {
        JsonNode d =
                yaml(
                        """
                        apiVersion: external-secrets.io/v1
                        kind: ExternalSecret
                        metadata: {name: x}
                        spec:
                          secretStoreRef: {kind: SecretStore, name: s}
                          target: {name: x, creationPolicy: Owner}
                          dataFrom: [{extract: {key: k}, exctract: {}}]
                        """);
        assertThat(validator.validate(d)).isNotEmpty();
    }

    private static final String POD_SPEC =
            """
                  serviceAccountName: sa
                  securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
                  terminationGracePeriodSeconds: 60
                  volumes:
                    - name: secrets
                      projected: {sources: [{secret: {name: missing-file-secret, items: [{key: k, path: s/k}]}}]}
                  topologySpreadConstraints:
                    - {maxSkew: 1, topologyKey: z, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app.kubernetes.io/name: ramsetu}}}
                    - {maxSkew: 1, topologyKey: h, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app.kubernetes.io/name: ramsetu}}}
                  containers:
                    - name: c
                      image: i
                      env:
                        - name: X
                          valueFrom: {secretKeyRef: {name: missing-secret, key: k}}
                        - {name: RAMSETU_JWT_SECRET_FILE, value: /run/secrets/ramsetu/s/k}
                        - {name: RAMSETU_DB_PASSWORD_FILE, value: /run/secrets/ramsetu/s/password}
                      volumeMounts: [{name: secrets, mountPath: /run/secrets/ramsetu, readOnly: true}]
                      ports: [{name: http, containerPort: 8080}]
                      resources: {requests: {cpu: "1", memory: 1Gi}, limits: {cpu: "1"}}
                      securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                      livenessProbe: {httpGet: {path: /, port: http}}
                      readinessProbe: {httpGet: {path: /, port: http}}
                      lifecycle: {preStop: {sleep: {seconds: 30}}}
            """;

    @Test
    void brokenReferencesSelectorsProbesAndLimitsAreFound() throws Exception {
        List<JsonNode> docs =
                docs(
                        """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: app, namespace: ramsetu, labels: {app.kubernetes.io/part-of: ramsetu}}
                        spec:
                          selector: {matchLabels: {app.kubernetes.io/name: ramsetu}}
                          template:
                            metadata: {labels: {app.kubernetes.io/name: ramsetu}}
                            spec:
                        """
                                + POD_SPEC
                                + """
                        ---
                        apiVersion: v1
                        kind: Service
                        metadata: {name: s, namespace: ramsetu, labels: {app.kubernetes.io/part-of: ramsetu}}
                        spec:
                          selector: {app.kubernetes.io/name: ramsetu-typo}
                          ports: [{port: 80, targetPort: http}]
                        ---
                        apiVersion: autoscaling/v2
                        kind: HorizontalPodAutoscaler
                        metadata: {name: h, namespace: ramsetu, labels: {app.kubernetes.io/part-of: ramsetu}}
                        spec: {minReplicas: 1, maxReplicas: 2, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: apps}}
                        ---
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: {name: n, namespace: ramsetu, labels: {app.kubernetes.io/part-of: ramsetu}}
                        spec:
                          podSelector: {matchExpressions: [{key: app.kubernetes.io/name, operator: In, values: [scorer]}]}
                          ingress: [{from: [{podSelector: {matchLabels: {app.kubernetes.io/name: ramsetu}}}]}]
                        ---
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: c}
                        """);
        String problems = String.join("\n", new Semantics(docs).all());
        assertThat(problems)
                .contains("Deployment/app container c: no startupProbe")
                .contains("Deployment/app container c: no limits.memory")
                .contains("terminationGracePeriodSeconds 60 < preStop 30 s + 2 x 20 s")
                .contains("service account sa does not exist")
                .contains(
                        "Secret missing-secret is neither in the manifests nor made by an ExternalSecret")
                .contains(
                        "Secret missing-file-secret is neither in the manifests nor made by an"
                                + " ExternalSecret")
                .contains(
                        "Deployment/app container c: X takes Secret missing-secret into the"
                                + " environment; mount it as a file")
                .contains(
                        "Deployment/app container c: RAMSETU_DB_PASSWORD_FILE names"
                                + " /run/secrets/ramsetu/s/password, which no mounted secret"
                                + " provides")
                .contains("Service/s: selector")
                .contains("HorizontalPodAutoscaler/h: scales Deployment/apps, which does not exist")
                .contains("NetworkPolicy/n: podSelector matches no pod")
                .contains("ConfigMap/c: no label app.kubernetes.io/part-of=ramsetu")
                .contains("ConfigMap/c: not in the namespace ramsetu");
        assertThat(problems)
                .doesNotContain("ingress peer")
                .doesNotContain("RAMSETU_JWT_SECRET_FILE");
    }
}
