package org.ramsetu.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Checks across the rendered documents that schemas cannot express: references resolve, selectors
 * select something, every workload has probes, resources and the restricted security context. Each
 * method returns the problems found, so a test can assert both "none" and "this one".
 */
final class Semantics {

    /** A pod as the manifests describe it: where it comes from, its labels, its spec (if any). */
    record Pod(String owner, Map<String, String> labels, JsonNode spec) {}

    private final List<JsonNode> docs;
    private final List<Pod> pods = new ArrayList<>();

    Semantics(List<JsonNode> docs) {
        this.docs = docs;
        for (JsonNode d : docs) {
            String kind = d.path("kind").asString();
            if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
                JsonNode t = d.path("spec").path("template");
                pods.add(
                        new Pod(
                                Manifests.id(d),
                                labels(t.path("metadata").path("labels")),
                                t.path("spec")));
            } else if (kind.equals("Cluster")) {
                // CloudNativePG's instance pods: the operator labels them cnpg.io/cluster and adds
                // inheritedMetadata's labels; their spec is the operator's.
                Map<String, String> l =
                        labels(d.path("spec").path("inheritedMetadata").path("labels"));
                l.put("cnpg.io/cluster", d.path("metadata").path("name").asString());
                pods.add(new Pod(Manifests.id(d), l, null));
            }
        }
    }

    List<String> all() {
        List<String> p = new ArrayList<>();
        p.addAll(workloads());
        p.addAll(selectors());
        p.addAll(references());
        p.addAll(secretFiles());
        p.addAll(labelsAndNamespace());
        return p;
    }

    List<JsonNode> ofKind(String kind) {
        return docs.stream().filter(d -> d.path("kind").asString().equals(kind)).toList();
    }

    JsonNode find(String kind, String name) {
        return ofKind(kind).stream()
                .filter(d -> d.path("metadata").path("name").asString().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** Probes, requests and limits, the restricted security context, the shutdown budget. */
    List<String> workloads() {
        List<String> p = new ArrayList<>();
        for (Pod pod : pods) {
            if (pod.spec() == null) {
                continue;
            }
            JsonNode sc = pod.spec().path("securityContext");
            if (!sc.path("runAsNonRoot").asBoolean(false)) {
                p.add(pod.owner() + ": pod does not set runAsNonRoot");
            }
            if (!sc.path("seccompProfile").path("type").asString().equals("RuntimeDefault")) {
                p.add(pod.owner() + ": pod's seccompProfile is not RuntimeDefault");
            }
            if ("ramsetu".equals(pod.labels().get("app.kubernetes.io/name"))
                    && sc.path("runAsUser").asInt() != 10001) {
                p.add(pod.owner() + ": the application runs as uid 10001");
            }
            if (pod.spec().path("topologySpreadConstraints").size() < 2) {
                p.add(pod.owner() + ": needs zone and host topologySpreadConstraints");
            }
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode c : pod.spec().path(list)) {
                    String where = pod.owner() + " container " + c.path("name").asString();
                    for (String r : List.of("requests", "limits")) {
                        for (String res : List.of("cpu", "memory")) {
                            if (c.path("resources").path(r).path(res).isMissingNode()) {
                                p.add(where + ": no " + r + "." + res);
                            }
                        }
                    }
                    JsonNode csc = c.path("securityContext");
                    if (!csc.path("readOnlyRootFilesystem").asBoolean(false)
                            || csc.path("allowPrivilegeEscalation").asBoolean(true)
                            || !csc.path("capabilities")
                                    .path("drop")
                                    .toString()
                                    .contains("\"ALL\"")) {
                        p.add(
                                where
                                        + ": needs readOnlyRootFilesystem, no privilege escalation, drop ALL");
                    }
                    if (list.equals("containers")) {
                        for (String probe :
                                List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                            if (c.path(probe).isMissingNode()) {
                                p.add(where + ": no " + probe);
                            }
                        }
                    }
                    int sleep =
                            c.path("lifecycle")
                                    .path("preStop")
                                    .path("sleep")
                                    .path("seconds")
                                    .asInt(0);
                    int grace = pod.spec().path("terminationGracePeriodSeconds").asInt(30);
                    // Spring's graceful shutdown may use 20 s in each of two phases after the
                    // sleep.
                    if ("ramsetu".equals(pod.labels().get("app.kubernetes.io/name"))
                            && grace < sleep + 2 * 20) {
                        p.add(
                                where
                                        + ": terminationGracePeriodSeconds "
                                        + grace
                                        + " < preStop "
                                        + sleep
                                        + " s + 2 x 20 s");
                    }
                }
            }
        }
        for (JsonNode hpa : ofKind("HorizontalPodAutoscaler")) {
            JsonNode ref = hpa.path("spec").path("scaleTargetRef");
            if (find(ref.path("kind").asString(), ref.path("name").asString()) == null) {
                p.add(
                        Manifests.id(hpa)
                                + ": scales "
                                + ref.path("kind").asString()
                                + "/"
                                + ref.path("name").asString()
                                + ", which does not exist");
            }
            if (hpa.path("spec").path("minReplicas").asInt(1)
                    > hpa.path("spec").path("maxReplicas").asInt()) {
                p.add(Manifests.id(hpa) + ": minReplicas above maxReplicas");
            }
        }
        return p;
    }

    /**
     * The product's pods read secrets from files only: no environment variable takes a Secret's
     * value (the environment leaks to /proc, crash reports and child processes), and every {@code
     * *_FILE} under a mounted secret volume names a file that volume provides.
     */
    List<String> secretFiles() {
        List<String> p = new ArrayList<>();
        for (Pod pod : pods) {
            if (pod.spec() == null
                    || !"ramsetu".equals(pod.labels().get("app.kubernetes.io/name"))) {
                continue;
            }
            // Per secret volume: the files it holds; null where a source lists no items (then
            // any file directly inside the volume may exist).
            Map<String, Set<String>> filesOf = new TreeMap<>();
            for (JsonNode v : pod.spec().path("volumes")) {
                List<JsonNode> sources = new ArrayList<>();
                v.path("projected").path("sources").forEach(sources::add);
                if (v.has("secret")) {
                    sources.add(v);
                }
                Set<String> files = new HashSet<>();
                boolean everyKey = false;
                for (JsonNode source : sources) {
                    JsonNode secret = source.path("secret");
                    everyKey |= !secret.isMissingNode() && !secret.has("items");
                    secret.path("items").forEach(i -> files.add(i.path("path").asString()));
                }
                if (!sources.isEmpty()) {
                    filesOf.put(v.path("name").asString(), everyKey ? null : files);
                }
            }
            for (JsonNode c : pod.spec().path("containers")) {
                String where = pod.owner() + " container " + c.path("name").asString();
                // Files named by its ConfigMaps (RAMSETU_TLS_*) count as its own settings.
                for (JsonNode from : c.path("envFrom")) {
                    JsonNode map =
                            find("ConfigMap", from.path("configMapRef").path("name").asString());
                    if (map == null) {
                        continue;
                    }
                    for (var entry : map.path("data").properties()) {
                        String value = entry.getValue().asString();
                        if (value.startsWith("/run/secrets/") && !provided(c, filesOf, value)) {
                            p.add(
                                    where
                                            + ": "
                                            + entry.getKey()
                                            + " names "
                                            + value
                                            + ", which no mounted secret provides");
                        }
                    }
                }
                for (JsonNode env : c.path("env")) {
                    String name = env.path("name").asString();
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        p.add(
                                where
                                        + ": "
                                        + name
                                        + " takes Secret "
                                        + ref.path("name").asString()
                                        + " into the environment; mount it as a file");
                    }
                    String value = env.path("value").asString();
                    if ((name.endsWith("_FILE") || value.startsWith("/run/secrets/"))
                            && !provided(c, filesOf, value)) {
                        p.add(
                                where
                                        + ": "
                                        + name
                                        + " names "
                                        + value
                                        + ", which no mounted secret provides");
                    }
                }
            }
        }
        return p;
    }

    private static boolean provided(
            JsonNode container, Map<String, Set<String>> filesOf, String file) {
        for (JsonNode mount : container.path("volumeMounts")) {
            String volume = mount.path("name").asString();
            String prefix = mount.path("mountPath").asString() + "/";
            if (!filesOf.containsKey(volume) || !file.startsWith(prefix)) {
                continue;
            }
            String inside = file.substring(prefix.length());
            Set<String> files = filesOf.get(volume);
            if (files == null
                    ? !inside.isEmpty() && !inside.contains("/")
                    : files.contains(inside)) {
                return true;
            }
        }
        return false;
    }

    /** Every selector selects some pod (Service, PDB, NetworkPolicy, monitors) or Service. */
    List<String> selectors() {
        List<String> p = new ArrayList<>();
        for (JsonNode s : ofKind("Service")) {
            JsonNode sel = s.path("spec").path("selector");
            List<Pod> selected =
                    pods.stream().filter(pod -> matchesLabels(sel, pod.labels())).toList();
            if (selected.isEmpty()) {
                p.add(Manifests.id(s) + ": selector " + sel + " matches no pod");
            }
            for (JsonNode port : s.path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                if (target.isString()) {
                    for (Pod pod : selected) {
                        if (pod.spec() != null
                                && !pod.spec()
                                        .path("containers")
                                        .toString()
                                        .contains("\"name\":\"" + target.asString() + "\"")) {
                            p.add(
                                    Manifests.id(s)
                                            + ": targetPort "
                                            + target.asString()
                                            + " is no port of "
                                            + pod.owner());
                        }
                    }
                }
            }
        }
        for (String kind : List.of("PodDisruptionBudget", "PodMonitor")) {
            for (JsonNode d : ofKind(kind)) {
                if (!selectsPod(d.path("spec").path("selector"))) {
                    p.add(Manifests.id(d) + ": selector matches no pod");
                }
            }
        }
        for (JsonNode m : ofKind("ServiceMonitor")) {
            JsonNode sel = m.path("spec").path("selector");
            if (ofKind("Service").stream()
                    .noneMatch(s -> matches(sel, labels(s.path("metadata").path("labels"))))) {
                p.add(Manifests.id(m) + ": selector matches no Service");
            }
        }
        for (JsonNode np : ofKind("NetworkPolicy")) {
            JsonNode sel = np.path("spec").path("podSelector");
            if (sel.size() > 0 && !selectsPod(sel)) {
                p.add(Manifests.id(np) + ": podSelector matches no pod");
            }
            for (String dir : List.of("ingress", "egress")) {
                for (JsonNode rule : np.path("spec").path(dir)) {
                    for (JsonNode peer : rule.path(dir.equals("ingress") ? "from" : "to")) {
                        // Peers in other namespaces (namespaceSelector) are outside these
                        // manifests.
                        if (peer.has("podSelector")
                                && !peer.has("namespaceSelector")
                                && !selectsPod(peer.path("podSelector"))) {
                            p.add(
                                    Manifests.id(np)
                                            + ": "
                                            + dir
                                            + " peer "
                                            + peer.path("podSelector")
                                            + " matches no pod");
                        }
                    }
                }
            }
        }
        for (JsonNode spread :
                pods.stream()
                        .filter(x -> x.spec() != null)
                        .flatMap(x -> iterate(x.spec().path("topologySpreadConstraints")).stream())
                        .toList()) {
            if (!selectsPod(spread.path("labelSelector"))) {
                p.add("topologySpreadConstraint " + spread + " matches no pod");
            }
        }
        return p;
    }

    /** Secrets, ConfigMaps, service accounts, stores and Services named anywhere exist. */
    List<String> references() {
        List<String> p = new ArrayList<>();
        Set<String> secrets = new HashSet<>();
        ofKind("Secret").forEach(s -> secrets.add(s.path("metadata").path("name").asString()));
        // Made by operators: cert-manager's certificates, CloudNativePG's CA of each cluster.
        ofKind("Certificate")
                .forEach(c -> secrets.add(c.path("spec").path("secretName").asString()));
        ofKind("Cluster")
                .forEach(c -> secrets.add(c.path("metadata").path("name").asString() + "-ca"));
        for (JsonNode es : ofKind("ExternalSecret")) {
            String target = es.path("spec").path("target").path("name").asString("");
            secrets.add(target.isEmpty() ? es.path("metadata").path("name").asString() : target);
            JsonNode store = es.path("spec").path("secretStoreRef");
            if (find(store.path("kind").asString("SecretStore"), store.path("name").asString())
                    == null) {
                p.add(Manifests.id(es) + ": store " + store + " does not exist");
            }
        }
        Set<String> configMaps = new HashSet<>();
        ofKind("ConfigMap")
                .forEach(c -> configMaps.add(c.path("metadata").path("name").asString()));
        for (Pod pod : pods) {
            if (pod.spec() == null) {
                continue;
            }
            String sa = pod.spec().path("serviceAccountName").asString("");
            if (!sa.isEmpty() && find("ServiceAccount", sa) == null) {
                p.add(pod.owner() + ": service account " + sa + " does not exist");
            }
            for (JsonNode ref : pod.spec().findValues("secretKeyRef")) {
                need(secrets, ref.path("name").asString(), pod.owner() + ": Secret", p);
            }
            for (JsonNode ref : pod.spec().findValues("secretRef")) {
                need(secrets, ref.path("name").asString(), pod.owner() + ": Secret", p);
            }
            for (JsonNode ref : pod.spec().findValues("configMapKeyRef")) {
                need(configMaps, ref.path("name").asString(), pod.owner() + ": ConfigMap", p);
            }
            for (JsonNode ref : pod.spec().findValues("configMapRef")) {
                need(configMaps, ref.path("name").asString(), pod.owner() + ": ConfigMap", p);
            }
            for (JsonNode v : pod.spec().path("volumes")) {
                if (v.has("secret")) {
                    need(
                            secrets,
                            v.path("secret").path("secretName").asString(),
                            pod.owner() + ": Secret",
                            p);
                }
                // Secrets mounted as files (RAMSETU_<NAME>_FILE) through a projected volume.
                for (JsonNode source : v.path("projected").path("sources")) {
                    if (source.has("secret")) {
                        need(
                                secrets,
                                source.path("secret").path("name").asString(),
                                pod.owner() + ": Secret",
                                p);
                    }
                }
                if (v.has("configMap")) {
                    need(
                            configMaps,
                            v.path("configMap").path("name").asString(),
                            pod.owner() + ": ConfigMap",
                            p);
                }
            }
        }
        for (JsonNode c : ofKind("Cluster")) {
            JsonNode spec = c.path("spec");
            need(
                    secrets,
                    spec.path("bootstrap")
                            .path("initdb")
                            .path("secret")
                            .path("name")
                            .asString(null),
                    Manifests.id(c) + ": Secret",
                    p);
            for (JsonNode cred :
                    spec.path("backup").path("barmanObjectStore").path("s3Credentials")) {
                need(secrets, cred.path("name").asString(null), Manifests.id(c) + ": Secret", p);
            }
        }
        for (JsonNode cert : ofKind("Certificate")) {
            JsonNode issuer = cert.path("spec").path("issuerRef");
            if (issuer.path("kind").asString("Issuer").equals("Issuer")
                    && find("Issuer", issuer.path("name").asString()) == null) {
                p.add(
                        Manifests.id(cert)
                                + ": issuer "
                                + issuer.path("name").asString()
                                + " does not exist");
            }
        }
        for (JsonNode sb : ofKind("ScheduledBackup")) {
            if (find("Cluster", sb.path("spec").path("cluster").path("name").asString()) == null) {
                p.add(Manifests.id(sb) + ": backs up a Cluster that does not exist");
            }
        }
        for (JsonNode ss : ofKind("SecretStore")) {
            for (JsonNode ref : ss.findValues("serviceAccountRef")) {
                if (find("ServiceAccount", ref.path("name").asString()) == null) {
                    p.add(
                            Manifests.id(ss)
                                    + ": service account "
                                    + ref.path("name").asString()
                                    + " does not exist");
                }
            }
        }
        for (JsonNode ing : ofKind("Ingress")) {
            boolean certManager =
                    ing.path("metadata").path("annotations").has("cert-manager.io/cluster-issuer");
            for (JsonNode tls : ing.path("spec").path("tls")) {
                if (!certManager) {
                    need(
                            secrets,
                            tls.path("secretName").asString(),
                            Manifests.id(ing) + ": TLS Secret",
                            p);
                }
            }
            for (JsonNode svc : ing.path("spec").findValues("service")) {
                JsonNode s = find("Service", svc.path("name").asString());
                if (s == null) {
                    p.add(
                            Manifests.id(ing)
                                    + ": Service "
                                    + svc.path("name").asString()
                                    + " does not exist");
                } else if (svc.path("port").has("name")
                        && !s.path("spec")
                                .path("ports")
                                .toString()
                                .contains(
                                        "\"name\":\""
                                                + svc.path("port").path("name").asString()
                                                + "\"")) {
                    p.add(
                            Manifests.id(ing)
                                    + ": Service "
                                    + svc.path("name").asString()
                                    + " has no port "
                                    + svc.path("port").path("name").asString());
                }
            }
        }
        return p;
    }

    /** Every object is part of ramsetu; every namespaced one lives in the namespace ramsetu. */
    List<String> labelsAndNamespace() {
        List<String> p = new ArrayList<>();
        for (JsonNode d : docs) {
            JsonNode meta = d.path("metadata");
            if (!"ramsetu"
                    .equals(meta.path("labels").path("app.kubernetes.io/part-of").asString())) {
                p.add(Manifests.id(d) + ": no label app.kubernetes.io/part-of=ramsetu");
            }
            if (!d.path("kind").asString().equals("Namespace")
                    && !"ramsetu".equals(meta.path("namespace").asString())) {
                p.add(Manifests.id(d) + ": not in the namespace ramsetu");
            }
        }
        return p;
    }

    private static void need(Set<String> known, String name, String what, List<String> p) {
        if (name != null && !known.contains(name)) {
            p.add(what + " " + name + " is neither in the manifests nor made by an ExternalSecret");
        }
    }

    private boolean selectsPod(JsonNode selector) {
        return pods.stream().anyMatch(pod -> matches(selector, pod.labels()));
    }

    /** A Service's selector: a plain map of labels. */
    private static boolean matchesLabels(JsonNode map, Map<String, String> labels) {
        if (map.size() == 0) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : iterateFields(map)) {
            if (!e.getValue().asString().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A LabelSelector (matchLabels and matchExpressions); an empty one selects every pod. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        for (Map.Entry<String, JsonNode> e : iterateFields(selector.path("matchLabels"))) {
            if (!e.getValue().asString().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asString();
            Set<String> values = new HashSet<>();
            expr.path("values").forEach(v -> values.add(v.asString()));
            boolean ok =
                    switch (expr.path("operator").asString()) {
                        case "In" -> values.contains(labels.get(key));
                        case "NotIn" -> !values.contains(labels.get(key));
                        case "Exists" -> labels.containsKey(key);
                        case "DoesNotExist" -> !labels.containsKey(key);
                        default -> false;
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> m = new TreeMap<>();
        iterateFields(node).forEach(e -> m.put(e.getKey(), e.getValue().asString()));
        return m;
    }

    private static List<Map.Entry<String, JsonNode>> iterateFields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> l = new ArrayList<>();
        node.properties().forEach(l::add);
        return l;
    }

    private static List<JsonNode> iterate(JsonNode node) {
        List<JsonNode> l = new ArrayList<>();
        node.forEach(l::add);
        return l;
    }
}
