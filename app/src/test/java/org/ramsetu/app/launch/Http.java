package org.ramsetu.app.launch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.ramsetu.platform.api.ContractCheck;

/**
 * A tiny blocking HTTP client for tests that talk to a running target over real sockets; every
 * exchange is held to the API description ({@link ContractCheck}).
 */
final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    static HttpResponse<String> get(int port, String path) {
        return get(port, path, null);
    }

    /**
     * @param bearerToken sent as {@code Authorization: Bearer}; null for an anonymous request
     */
    static HttpResponse<String> get(int port, String path, String bearerToken) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(10));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return ContractCheck.send(CLIENT, request.build(), null);
    }

    /** A JSON POST with a bearer token, given two minutes (a drill's start does real work). */
    static HttpResponse<String> post(int port, String path, String bearerToken, String json) {
        return ContractCheck.send(
                CLIENT,
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + bearerToken)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                json);
    }
}
