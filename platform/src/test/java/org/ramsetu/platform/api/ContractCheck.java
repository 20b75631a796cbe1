package org.ramsetu.platform.api;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds every exchange of the HTTP test suite to the committed API description ({@code
 * docs/openapi.json}, itself checked against what the API serves by {@link
 * OpenApiSnapshotIntegrationTest}):
 *
 * <ul>
 *   <li>every answer's status must be one the operation lists, with a body of a media type it
 *       lists, and a JSON body must match that schema (fields, types, {@code required}, enums);
 *   <li>a JSON request the API accepted (2xx) must match the operation's request schema: a request
 *       the API takes although its description refuses it is drift too.
 * </ul>
 *
 * Requests that fail on purpose are not checked against the request schema: tests send bad input to
 * see it refused. Routes the description does not list (unknown paths, the actuator's index of
 * links) are left to the tests that call them. The suite's own client ({@code ApiClient}) checks
 * every exchange; tests that start targets as processes of their own (launch, split mode, scoring,
 * reprocessing) send through {@link #send}.
 */
public final class ContractCheck {

    private static final Path DESCRIPTION = Path.of("..", "docs", "openapi.json");
    private static final String BASE = "https://ramsetu.test/openapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ContractCheck INSTANCE = new ContractCheck();

    private final JsonNode description;
    private final SchemaRegistry schemas;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern, int variables) {}

    private ContractCheck() {
        String text;
        try {
            text = Files.readString(DESCRIPTION, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        description = JSON.readTree(text);
        schemas =
                SchemaRegistry.withDefaultDialect(
                        Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(BASE, text)));
        description
                .path("paths")
                .propertyNames()
                .forEach(
                        template -> {
                            String regex =
                                    Pattern.quote(template)
                                            .replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
                            int variables = template.split("\\{", -1).length - 1;
                            routes.add(new Route(template, Pattern.compile(regex), variables));
                        });
        // A literal segment wins over a variable one: /pledges/mine before /pledges/{id}.
        routes.sort(Comparator.comparingInt(Route::variables));
    }

    public static ContractCheck instance() {
        return INSTANCE;
    }

    /**
     * Sends a request with the JDK's client and holds the exchange to the description.
     *
     * @param requestJson the JSON body the request carries, or null when it carries none
     */
    public static HttpResponse<String> send(
            HttpClient client, HttpRequest request, String requestJson) {
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
            INSTANCE.check(
                    request.method(),
                    request.uri(),
                    requestJson,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
            return response;
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Checks one exchange; throws an {@link AssertionError} naming each difference.
     *
     * @param requestJson the JSON body sent, or null when none (or not JSON)
     * @param responseBody the body received as text, or null when it was not read as text
     */
    public void check(
            String method,
            URI uri,
            String requestJson,
            int status,
            String contentType,
            String responseBody) {
        Optional<Route> route =
                routes.stream()
                        .filter(r -> r.pattern().matcher(uri.getPath()).matches())
                        .findFirst();
        if (route.isEmpty()) {
            return;
        }
        String lowerMethod = method.toLowerCase(Locale.ROOT);
        String operationPointer = "/paths/" + escape(route.get().template()) + "/" + lowerMethod;
        JsonNode operation = description.at(operationPointer);
        if (operation.isMissingNode()) {
            return; // a method the route does not have: the 405 is the routing tests' concern
        }
        String exchange = method + " " + uri.getPath() + " → " + status;
        List<String> problems = new ArrayList<>();

        if (status / 100 == 2 && requestJson != null && !requestJson.isBlank()) {
            String pointer = operationPointer + "/requestBody/content/application~1json/schema";
            if (description.at(pointer).isMissingNode()) {
                if (!JSON.readTree(requestJson).isEmpty()) { // {} says nothing: some tests send it
                    problems.add("a JSON body was accepted, but the operation describes none");
                }
            } else {
                validate(pointer, requestJson, "request", problems);
            }
        }

        String statusKey =
                operation.path("responses").has(String.valueOf(status))
                        ? String.valueOf(status)
                        : "default";
        JsonNode response = operation.path("responses").path(statusKey);
        if (response.isMissingNode()) {
            problems.add("status " + status + " is not one the operation lists");
        } else if (responseBody != null && !responseBody.isEmpty()) {
            String mediaType =
                    contentType == null
                            ? ""
                            : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            JsonNode content = response.path("content");
            String listed = listed(content, mediaType);
            if (listed == null) {
                problems.add("a body of type '" + mediaType + "' that the operation does not list");
            } else if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
                String pointer =
                        operationPointer
                                + "/responses/"
                                + statusKey
                                + "/content/"
                                + escape(listed)
                                + "/schema";
                if (!description.at(pointer).isMissingNode()) {
                    validate(pointer, responseBody, "response", problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "the exchange "
                            + exchange
                            + " breaks the API description (docs/openapi.json): "
                            + String.join("; ", problems)
                            + (responseBody == null ? "" : "\nresponse: " + clip(responseBody))
                            + (requestJson == null ? "" : "\nrequest: " + clip(requestJson)));
        }
    }

    /**
     * The media type the content lists for the one received: the same, the same with parameters
     * ({@code text/plain;version=0.0.4} for {@code text/plain}), or any; null when none.
     */
    private static String listed(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return mediaType;
        }
        for (String key : content.propertyNames()) {
            if (key.split(";", 2)[0].strip().equalsIgnoreCase(mediaType)) {
                return key;
            }
        }
        return content.has("*/*") ? "*/*" : null;
    }

    private void validate(String pointer, String json, String side, List<String> problems) {
        JsonNode body;
        try {
            body = JSON.readTree(json);
        } catch (RuntimeException e) {
            problems.add("the " + side + " body is not JSON");
            return;
        }
        Schema schema =
                compiled.computeIfAbsent(
                        pointer, p -> schemas.getSchema(SchemaLocation.of(BASE + "#" + p)));
        for (Error error : schema.validate(body)) {
            problems.add(side + " " + error.getInstanceLocation() + ": " + error.getMessage());
        }
    }

    /** A JSON pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String clip(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }
}
