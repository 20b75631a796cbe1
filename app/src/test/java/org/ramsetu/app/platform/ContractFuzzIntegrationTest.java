package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.api.Accounts;
import org.ramsetu.platform.api.ApiClient;
import org.ramsetu.platform.api.PlatformInstance;
import org.ramsetu.platform.api.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Schema-driven fuzzing (issue 22 item 6): requests derived from the OpenAPI description for every
 * operation, as every role (anonymous, donor, patient, coordinator), with plausible values, values
 * of the wrong type, values at and just past the bounds the description states, huge values, odd
 * Unicode, bodies that are not JSON or nest deeper than any parser should follow, and path and
 * query values of every wrong shape. It fails on any 5xx, on any error answer that is not
 * problem+json with its own status, and on any refusal that created, changed or deleted a record.
 * Seeded, so a failure repeats: {@code RAMSETU_FUZZ_SEED} picks another seed, {@code
 * RAMSETU_FUZZ_ROUNDS} runs longer (docs/SECURITY.md has the figures of a long run).
 */
class ContractFuzzIntegrationTest {

    private static final long SEED = Long.parseLong(env("RAMSETU_FUZZ_SEED", "20261204"));
    private static final int ROUNDS = Integer.parseInt(env("RAMSETU_FUZZ_ROUNDS", "3"));

    /** Below the API's 100 requests a minute per account: a fresh account before that. */
    private static final int REQUESTS_PER_ACCOUNT = 80;

    /**
     * Left out because they put load on the shared instance that other tests run on: a batch that
     * re-scores the whole registry, and the two drills (hundreds of test jobs, test work).
     */
    private static final Set<String> NOT_FUZZED =
            Set.of(
                    "POST /api/v1/admin/reprocessing/batches",
                    "POST /actuator/queuedrill",
                    "POST /actuator/scheduledrill");

    private static final List<String> ODD_TEXT =
            List.of(
                    "",
                    " ",
                    "\u0000",
                    "a\u0000b",
                    "\u200b",
                    "\u202eevil",
                    "\ufeff",
                    "e\u0301",
                    "\ud83d\ude00",
                    "\u0915\u094d\u200d\u0937",
                    "\uffff",
                    "'; drop table account; --",
                    "<script>alert(1)</script>",
                    "${jndi:ldap://x}",
                    "../../etc/passwd",
                    "x".repeat(5_000));
    private static final List<String> ODD_PATH =
            List.of("not-a-uuid", "0", "-1", "%00", "%2e%2e%2f", "x".repeat(300), "%F0%9F%98%80");
    private static final List<String> ODD_QUERY =
            List.of("-1", "0", "1", "99999999999999999999", "abc", "", "%00", "%E2%80%AE", "1.5");

    /** The tables whose rows only a successful request creates, changes or deletes. */
    private static final List<String> RECORD_TABLES =
            List.of(
                    "account",
                    "donor_profile",
                    "patient_profile",
                    "pledge",
                    "transplant_request",
                    "document",
                    "match_run",
                    "match",
                    "allocation_run",
                    "idempotency_key",
                    "report_export",
                    "reprocessing_batch");

    private static final List<String> NOT_JSON =
            List.of("", "{", "null", "[]", "\"text\"", "{\"a\":", "{} {}", "\u0000");

    private final Random random = new Random(SEED);
    private final JdbcClient database = PlatformInstance.get().context().getBean(JdbcClient.class);

    /**
     * Per table, its row count and the newest transaction that wrote one of its rows: an insert or
     * delete changes the count, an update gives the row a new {@code xmin} (PostgreSQL writes a new
     * row version stamped with the writing transaction), so a refused request that changed a field
     * shows even when no row was added.
     */
    private final String fingerprintRecords =
            RECORD_TABLES.stream()
                    .map(
                            t ->
                                    "(select '"
                                            + t
                                            + "=' || count(*) || '@' ||"
                                            + " coalesce(max(xmin::text::bigint), 0) from "
                                            + t
                                            + ")")
                    .collect(Collectors.joining(" || ' ' || ", "select ", ""));

    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;

    @Test
    void noOperationAnswers5xxOrAnErrorThatIsNotAProblem() {
        JsonNode docs = PlatformInstance.client().get("/v3/api-docs").json();
        SchemaValues values = new SchemaValues(docs.path("components").path("schemas"), random);
        Map<String, Supplier<ApiClient>> roles = new LinkedHashMap<>();
        roles.put("anonymous", () -> PlatformInstance.client());
        roles.put("donor", rotating(() -> Accounts.donor().client()));
        roles.put("patient", rotating(() -> Registry.patientWithProfile().client()));
        roles.put("coordinator", rotating(() -> Accounts.coordinator().client()));
        Set<String> operations = new LinkedHashSet<>();
        fingerprintSeesAnUpdateThatAddsNoRow();

        for (int round = 0; round < ROUNDS; round++) {
            DescribedOperations.each(
                    docs,
                    (lowerCase, path, operation) -> {
                        String method = lowerCase.toUpperCase();
                        String name = method + " " + path;
                        if (NOT_FUZZED.contains(name)) {
                            return;
                        }
                        operations.add(name);
                        roles.forEach(
                                (role, client) ->
                                        fuzz(role, client, method, path, operation, values));
                    });
        }
        System.out.printf(
                "contract fuzzing: %d requests over %d operations as %d roles, seed %d, %d"
                        + " failures; answers by status %s%n",
                requests, operations.size(), roles.size(), SEED, failures.size(), statuses);
        assertThat(operations.size()).as("operations described").isGreaterThan(50);
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    private void fuzz(
            String role,
            Supplier<ApiClient> clients,
            String method,
            String template,
            JsonNode operation,
            SchemaValues values) {
        JsonNode parameters = operation.path("parameters");
        JsonNode body = operation.path("requestBody").path("content");
        boolean json = body.has("application/json");
        boolean multipart = body.has("multipart/form-data");
        JsonNode schema = json ? body.path("application/json").path("schema") : null;

        // plausible values everywhere
        send(
                role,
                clients,
                method,
                path(template, parameters, values, false),
                json ? values.json(values.plausible(schema)) : null,
                json,
                multipart);
        // every path and query value of a wrong shape
        send(
                role,
                clients,
                method,
                path(template, parameters, values, true),
                json ? values.json(values.plausible(schema)) : null,
                json,
                multipart);
        if (json) {
            // a JSON body of its own, with plausible path and query values
            Consumer<String> sendJson =
                    text ->
                            send(
                                    role,
                                    clients,
                                    method,
                                    path(template, parameters, values, false),
                                    text,
                                    true,
                                    false);
            Object plausible = values.plausible(schema);
            // one field at a time of the wrong type, odd text, or huge
            if (plausible instanceof Map<?, ?> fields && !fields.isEmpty()) {
                List<?> names = new ArrayList<>(fields.keySet());
                for (int i = 0; i < 4; i++) {
                    Object field = names.get(random.nextInt(names.size()));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> changed =
                            new LinkedHashMap<>((Map<String, Object>) plausible);
                    changed.put((String) field, values.wrong(fields.get(field)));
                    sendJson.accept(values.json(changed));
                }
            }
            sendJson.accept(NOT_JSON.get(random.nextInt(NOT_JSON.size())));
            sendJson.accept("[".repeat(5_000) + "]".repeat(5_000));
            sendJson.accept("{\"x\":\"" + "y".repeat(3 * 1024 * 1024) + "\"}");
        }
        if (multipart) {
            String boundary = "fuzz" + random.nextInt(1000);
            String form =
                    "--"
                            + boundary
                            + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n"
                            + ODD_TEXT.get(random.nextInt(ODD_TEXT.size()))
                            + "\r\n--"
                            + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + ODD_TEXT.get(random.nextInt(ODD_TEXT.size())).replace("\"", "")
                            + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 junk\r\n--"
                            + boundary
                            + "--\r\n";
            String path = path(template, parameters, values, false);
            ApiClient client = clients.get();
            exchange(
                    role,
                    method,
                    path,
                    () ->
                            client.sendRaw(
                                    method,
                                    path,
                                    "multipart/form-data; boundary=" + boundary,
                                    form.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void send(
            String role,
            Supplier<ApiClient> clients,
            String method,
            String path,
            String body,
            boolean json,
            boolean multipart) {
        ApiClient client = clients.get();
        exchange(
                role,
                method,
                path,
                () ->
                        multipart && body == null
                                ? client.sendRaw(
                                        method,
                                        path,
                                        "multipart/form-data",
                                        "not a form".getBytes(StandardCharsets.UTF_8))
                                : json
                                        ? client.sendRaw(
                                                method,
                                                path,
                                                "application/json",
                                                (body == null ? "" : body)
                                                        .getBytes(StandardCharsets.UTF_8))
                                        : client.send(method, path, null));
    }

    /** One request; a refusal must not have created, changed or deleted a record. */
    private void exchange(
            String role, String method, String path, Supplier<ApiClient.Response> request) {
        String before = records();
        ApiClient.Response response = request.get();
        record(role, method, path, response);
        if (response.status() >= 400) {
            String after = records();
            if (!after.equals(before)) {
                failures.add(
                        role
                                + " "
                                + method
                                + " "
                                + abbreviated(path)
                                + " → "
                                + response.status()
                                + " but records were created, changed or deleted: "
                                + before
                                + " → "
                                + after);
            }
        }
    }

    /** The detector itself: rewriting one field of one row to its own value must show. */
    private void fingerprintSeesAnUpdateThatAddsNoRow() {
        Accounts.donor();
        String before = records();
        database.sql("update account set email = email where id = (select id from account limit 1)")
                .update();
        assertThat(records()).as("fingerprint after an update").isNotEqualTo(before);
    }

    /** The fingerprints of {@link #RECORD_TABLES}, in one query. */
    private String records() {
        return database.sql(fingerprintRecords).query(String.class).single();
    }

    private void record(String role, String method, String path, ApiClient.Response response) {
        requests++;
        int status = response.status();
        statuses.merge(status, 1, Integer::sum);
        String where = role + " " + method + " " + abbreviated(path);
        if (status >= 500) {
            failures.add(where + " → " + status + " " + abbreviated(response.body()));
        } else if (status >= 400) {
            String type = response.header("Content-Type");
            boolean problem = type != null && type.startsWith("application/problem+json");
            if (!problem) {
                failures.add(where + " → " + status + " not problem+json: " + type);
            } else if (response.json().path("status").asInt() != status) {
                failures.add(where + " → " + status + " problem with another status");
            }
        }
    }

    private String path(String template, JsonNode parameters, SchemaValues values, boolean odd) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            String value =
                    odd
                            ? ("path".equals(in) ? ODD_PATH : ODD_QUERY)
                                    .get(
                                            random.nextInt(
                                                    ("path".equals(in) ? ODD_PATH : ODD_QUERY)
                                                            .size()))
                            : URLEncoder.encode(
                                    String.valueOf(values.plausible(parameter.path("schema"))),
                                    StandardCharsets.UTF_8);
            if ("path".equals(in)) {
                path = path.replace("{" + name + "}", value);
            } else if ("query".equals(in) && (odd || random.nextBoolean())) {
                query.add(name + "=" + value);
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** A signed-in client, replaced by a fresh account before the API's per-account limit. */
    private Supplier<ApiClient> rotating(Supplier<ApiClient> signIn) {
        return new Supplier<>() {
            private ApiClient current;
            private int used;

            @Override
            public ApiClient get() {
                if (current == null || used++ >= REQUESTS_PER_ACCOUNT) {
                    current = signIn.get();
                    used = 1;
                }
                return current;
            }
        };
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** Values for a schema of the description: plausible ones, and wrong ones for a value. */
    private static final class SchemaValues {

        private final JsonNode schemas;
        private final Random random;

        SchemaValues(JsonNode schemas, Random random) {
            this.schemas = schemas;
            this.random = random;
        }

        Object plausible(JsonNode schema) {
            return plausible(schema, 0);
        }

        private Object plausible(JsonNode schema, int depth) {
            if (schema == null || schema.isMissingNode()) {
                return Map.of();
            }
            if (schema.has("$ref")) {
                String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
                return depth > 6 ? Map.of() : plausible(schemas.path(name), depth + 1);
            }
            if (schema.has("enum")) {
                JsonNode options = schema.path("enum");
                return options.get(random.nextInt(options.size())).asString();
            }
            String type = schema.path("type").asString("object");
            String format = schema.path("format").asString("");
            Object edge = edge(schema, type);
            if (edge != null) {
                return edge;
            }
            return switch (type) {
                case "string" ->
                        switch (format) {
                            case "date" -> "1985-04-12";
                            case "date-time" -> "2026-01-02T03:04:05Z";
                            case "uuid" -> UUID.randomUUID().toString();
                            case "email" -> "fuzz" + random.nextInt(1_000_000) + "@example.org";
                            case "binary" -> "binary";
                            default ->
                                    random.nextBoolean()
                                            ? "text"
                                            : ODD_TEXT.get(random.nextInt(ODD_TEXT.size()));
                        };
                case "integer" -> random.nextInt(3) == 0 ? -1 : random.nextInt(20);
                case "number" -> random.nextInt(3) == 0 ? -0.5 : random.nextDouble() * 200;
                case "boolean" -> random.nextBoolean();
                case "array" -> {
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < random.nextInt(3); i++) {
                        items.add(plausible(schema.path("items"), depth + 1));
                    }
                    yield items;
                }
                default -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    schema.path("properties")
                            .properties()
                            .forEach(
                                    p ->
                                            object.put(
                                                    p.getKey(),
                                                    plausible(p.getValue(), depth + 1)));
                    yield object;
                }
            };
        }

        /**
         * Now and then a value at or just past a bound the description states: the API must take
         * the one and refuse the other with a 400, never fail on either.
         */
        private Object edge(JsonNode schema, String type) {
            if (random.nextInt(3) != 0) {
                return null;
            }
            boolean past = random.nextBoolean();
            if ("string".equals(type) && schema.has("maxLength")) {
                return "x".repeat(schema.path("maxLength").asInt() + (past ? 1 : 0));
            }
            if (("integer".equals(type) || "number".equals(type))
                    && (schema.has("minimum") || schema.has("maximum"))) {
                boolean low =
                        schema.has("minimum") && (!schema.has("maximum") || random.nextBoolean());
                double bound = schema.path(low ? "minimum" : "maximum").asDouble();
                double step = "integer".equals(type) ? 1 : 0.01;
                double value = past ? (low ? bound - step : bound + step) : bound;
                return "integer".equals(type) ? (Object) Math.round(value) : (Object) value;
            }
            return null;
        }

        Object wrong(Object value) {
            return switch (random.nextInt(6)) {
                case 0 -> value instanceof String ? (Object) 12345 : "not-" + value;
                case 1 -> value instanceof Boolean ? (Object) 1 : true;
                case 2 -> List.of(1, "two");
                case 3 -> Map.of("nested", Map.of("deeper", "x"));
                case 4 -> ODD_TEXT.get(random.nextInt(ODD_TEXT.size()));
                default -> "z".repeat(100_000);
            };
        }

        String json(Object value) {
            return ApiClient.JSON.writeValueAsString(value);
        }
    }
}
