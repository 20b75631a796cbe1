package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.api.PlatformInstance;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API description is committed as {@code docs/openapi.json}, so that every change of the
 * contract shows in review: the build writes what the running API describes to {@code
 * target/openapi.json} and fails when it differs from the committed copy. After a deliberate
 * change, {@code RAMSETU_UPDATE_OPENAPI=1} writes the new description over the committed one.
 */
class OpenApiSnapshotIntegrationTest {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final Path BUILT = Path.of("target", "openapi.json");
    private static final JsonMapper CANONICAL =
            JsonMapper.builder()
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();

    /**
     * Orders what has no meaningful order, so that the file changes only when the contract does:
     * parameters and tags by name (reflection may list a method's parameters or a controller's
     * methods in another order on another JVM), {@code required} lists alphabetically.
     */
    private static String firstDifference(String served, String committed) {
        List<String> now = served.lines().toList();
        List<String> before = committed.lines().toList();
        for (int i = 0; i < Math.max(now.size(), before.size()); i++) {
            String a = i < now.size() ? now.get(i) : "(end)";
            String b = i < before.size() ? before.get(i) : "(end)";
            if (!a.equals(b)) {
                return "line "
                        + (i + 1)
                        + ": served '"
                        + a.strip()
                        + "', committed '"
                        + b.strip()
                        + "'";
            }
        }
        return "the end of the file";
    }

    @SuppressWarnings("unchecked")
    private static Object canonical(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach(
                    (k, v) ->
                            copy.put(
                                    (String) k,
                                    "required".equals(k) && v instanceof List<?> names
                                            ? names.stream().map(String::valueOf).sorted().toList()
                                            : canonical(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> items =
                    new ArrayList<>(
                            list.stream().map(OpenApiSnapshotIntegrationTest::canonical).toList());
            if (!items.isEmpty()
                    && items.stream()
                            .allMatch(i -> i instanceof Map<?, ?> m && m.get("name") != null)) {
                items.sort(
                        Comparator.comparing(
                                i ->
                                        ((Map<String, Object>) i).getOrDefault("in", "")
                                                + " "
                                                + ((Map<String, Object>) i).get("name")));
            }
            return items;
        }
        return node;
    }

    @Test
    void theCommittedDescriptionIsTheOneTheApiServes() throws IOException {
        var response = PlatformInstance.client().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> docs = CANONICAL.readValue(response.body(), Map.class);
        docs.remove("servers"); // the test instance's own address
        String served = CANONICAL.writeValueAsString(canonical(docs)) + "\n";
        Files.createDirectories(BUILT.getParent());
        Files.writeString(BUILT, served, StandardCharsets.UTF_8);

        if ("1".equals(System.getenv("RAMSETU_UPDATE_OPENAPI"))) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        String committed =
                Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!served.equals(committed)) {
            fail(
                    "the API description changed (first difference at %s); compare"
                            + " app/target/openapi.json with docs/openapi.json, and if the change"
                            + " is meant, run this test with RAMSETU_UPDATE_OPENAPI=1 and commit"
                            + " docs/openapi.json",
                    firstDifference(served, committed));
        }
    }
}
