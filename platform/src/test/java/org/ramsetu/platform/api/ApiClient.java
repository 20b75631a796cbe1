package org.ramsetu.platform.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the platform API over a real socket as one client: its own address (X-Forwarded-For) and,
 * once signed in, its bearer token.
 */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private final int port;
    private final String clientIp;
    private final String token;
    private final Map<String, String> headers;

    public ApiClient(int port) {
        this(port, nextAddress(), null, Map.of());
    }

    private ApiClient(int port, String clientIp, String token, Map<String, String> headers) {
        this.port = port;
        this.clientIp = clientIp;
        this.token = token;
        this.headers = headers;
    }

    /** A fresh documentation-range address, so rate limits of other tests do not interfere. */
    public static String nextAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198.51." + (n / 250) + "." + (1 + n % 250);
    }

    public ApiClient withToken(String bearerToken) {
        return new ApiClient(port, clientIp, bearerToken, headers);
    }

    public ApiClient fromAddress(String ip) {
        return new ApiClient(port, ip, token, headers);
    }

    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(port, clientIp, token, more);
    }

    public String clientIp() {
        return clientIp;
    }

    /** The bearer token this client sends (null before signing in). */
    public String token() {
        return token;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response post(String path, Map<String, ?> body) {
        return send("POST", path, JSON.writeValueAsString(body));
    }

    public Response put(String path, Map<String, ?> body) {
        return send("PUT", path, JSON.writeValueAsString(body));
    }

    public Response sendJson(String method, String path, Map<String, ?> body) {
        return send(method, path, JSON.writeValueAsString(body));
    }

    /** A multipart upload (the body's own Content-Type carries the boundary). */
    public Response upload(String path, Multipart form) {
        return new Response(
                call(
                        request(path)
                                .header("Content-Type", form.headers().get("Content-Type"))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())),
                        HttpResponse.BodyHandlers.ofString(),
                        null));
    }

    /** A body sent as it is, under the Content-Type given (bodies a form would never send). */
    public Response sendRaw(String method, String path, String contentType, byte[] body) {
        return new Response(
                call(
                        request(path)
                                .header("Content-Type", contentType)
                                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)),
                        HttpResponse.BodyHandlers.ofString(),
                        contentType.startsWith("application/json")
                                ? new String(body, StandardCharsets.UTF_8)
                                : null));
    }

    /** A GET whose body is bytes (downloads). */
    public HttpResponse<byte[]> download(String path) {
        return call(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray(), null);
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request =
                request(path)
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return new Response(call(request, HttpResponse.BodyHandlers.ofString(), json));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("X-Forwarded-For", clientIp);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    /**
     * Sends the request and holds the exchange to the API description ({@link ContractCheck}).
     *
     * @param requestJson the JSON body sent, or null when the body is not JSON
     */
    private static <T> HttpResponse<T> call(
            HttpRequest.Builder request, HttpResponse.BodyHandler<T> body, String requestJson) {
        HttpRequest built = request.build();
        try {
            HttpResponse<T> response = HTTP.send(built, body);
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            ContractCheck.instance()
                    .check(
                            built.method(),
                            built.uri(),
                            requestJson,
                            response.statusCode(),
                            contentType,
                            textOf(response.body(), contentType));
            return response;
        } catch (IOException e) {
            throw new AssertionError(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The body as text when it is text or JSON (a download's bytes are not compared). */
    private static String textOf(Object body, String contentType) {
        if (body instanceof String text) {
            return text;
        }
        boolean json = contentType != null && contentType.contains("json");
        return json && body instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : null;
    }

    /** A response with its body parsed when it is JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String text(String field) {
            JsonNode node = json().path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
