package org.ramsetu.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates one manifest strictly, offline. Kinds with a fabric8 model (the Kubernetes API, and
 * monitoring.coreos.com/v1 from fabric8's Prometheus Operator model) are deserialized into it: a
 * wrong type fails, and a field the model does not know lands in some object's
 * additionalProperties, which must all be empty. CloudNativePG and External Secrets kinds are
 * checked against their CRDs' schemas (deploy/k8s/schemas, see SOURCES there) made strict: every
 * object schema that lists properties and does not preserve unknown fields refuses others, as the
 * API server does with strict field validation. Not checked offline: CEL rules
 * (x-kubernetes-validations) and admission webhooks.
 */
final class StrictValidator {

    /** apiVersion/kind to the schema file of deploy/k8s/schemas. */
    private static final Map<String, String> SCHEMAS =
            Map.of(
                    "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io_clusters_v1.json",
                    "postgresql.cnpg.io/v1/ScheduledBackup",
                            "postgresql.cnpg.io_scheduledbackups_v1.json",
                    "external-secrets.io/v1/ExternalSecret",
                            "external-secrets.io_externalsecrets_v1.json",
                    "external-secrets.io/v1/SecretStore",
                            "external-secrets.io_secretstores_v1.json",
                    "cert-manager.io/v1/Certificate", "cert-manager.io_certificates_v1.json",
                    "cert-manager.io/v1/Issuer", "cert-manager.io_issuers_v1.json");

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final ObjectMapper schemaMapper = new ObjectMapper();
    private final SchemaRegistry registry =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final Map<String, Schema> schemas = new HashMap<>();
    private final Path schemaDir;

    StrictValidator(Path schemaDir) {
        this.schemaDir = schemaDir;
    }

    /** Problems with one document, each prefixed with its kind and name; empty when valid. */
    List<String> validate(JsonNode doc) {
        String key = doc.path("apiVersion").asString() + "/" + doc.path("kind").asString();
        List<String> problems = new ArrayList<>();
        try {
            if (SCHEMAS.containsKey(key)) {
                ObjectMeta meta =
                        serialization.unmarshal(
                                Manifests.JSON.writeValueAsString(doc.path("metadata")),
                                ObjectMeta.class);
                unknownFields(meta, "metadata", problems);
                Schema schema = schema(SCHEMAS.get(key));
                for (Error e :
                        schema.validate(
                                schemaMapper.readTree(Manifests.JSON.writeValueAsString(doc)))) {
                    problems.add(e.toString());
                }
            } else {
                Object model = serialization.unmarshal(Manifests.JSON.writeValueAsString(doc));
                if (model == null || model instanceof GenericKubernetesResource) {
                    problems.add("no model or schema for " + key + ": cannot validate it");
                } else {
                    unknownFields(model, "", problems);
                }
            }
        } catch (RuntimeException | IOException e) {
            problems.add("does not parse as " + key + ": " + e.getMessage());
        }
        return problems.stream().map(p -> Manifests.id(doc) + ": " + p).toList();
    }

    private Schema schema(String file) throws IOException {
        Schema cached = schemas.get(file);
        if (cached == null) {
            JsonNode node = schemaMapper.readTree(Files.readString(schemaDir.resolve(file)));
            strict(node);
            cached = registry.getSchema(node);
            schemas.put(file, cached);
        }
        return cached;
    }

    /**
     * Adds additionalProperties: false wherever a CRD's structural schema lists properties. Walks
     * schemas only (properties' values, items, additionalProperties, the combinators), never the
     * properties map itself: a CRD may have a field named "properties".
     */
    static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode o)) {
            return;
        }
        boolean preserves = o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (o.has("properties") && !o.has("additionalProperties") && !preserves) {
            o.put("additionalProperties", false);
        }
        for (JsonNode property : o.path("properties").values()) {
            strict(property);
        }
        strict(o.get("additionalProperties"));
        JsonNode items = o.get("items");
        if (items != null && items.isArray()) {
            items.values().forEach(StrictValidator::strict);
        } else {
            strict(items);
        }
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            o.path(combinator).values().forEach(StrictValidator::strict);
        }
        strict(o.get("not"));
    }

    /** Walks a fabric8 model's getters; reports every non-empty additionalProperties. */
    static void unknownFields(Object o, String path, List<String> problems) {
        if (o == null) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "[" + k + "]", problems));
            return;
        }
        if (o instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class
                    || !(m.getName().startsWith("get") || m.getName().startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(
                            "unknown field(s) "
                                    + extra.keySet()
                                    + " at "
                                    + (path.isEmpty() ? "top level" : path));
                }
                continue;
            }
            String name =
                    m.getName().startsWith("is")
                            ? m.getName().substring(2)
                            : m.getName().substring(3);
            String field = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            unknownFields(value, path.isEmpty() ? field : path + "." + field, problems);
        }
    }
}
