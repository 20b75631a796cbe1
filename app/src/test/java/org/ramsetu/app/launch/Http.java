package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.ramsetu.platform.api.ContractCheck;

/**
 * A tiny blocking HTTP client for tests that talk to a running target over real sockets; every
 * exchange is held to the API description ({@link ContractCheck}). Also finds a free port for a
 * target to listen on.
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

    /** A POST as {@link #post} that must answer 200; its body. */
    static String postOk(int port, String path, String bearerToken, String json) {
        HttpResponse<String> response = post(port, path, bearerToken, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** A loopback port free now, for a target started next to listen on. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
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
