package org.ramsetu.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ramsetu.infra.crypto.AuthenticatorApp;

/** The waiting list as a coordinator reads it through the API, before the load starts. */
final class WaitingRequests {

    record Waiting(String id, String organ) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WaitingRequests() {}

    static List<Waiting> load(
            String baseUrl, String email, String password, String authenticatorSecret) {
        try {
            JsonNode login =
                    post(
                            baseUrl + "/api/v1/auth/login",
                            java.util.Map.of("email", email, "password", password));
            if (login.has("challenge")) {
                login =
                        post(
                                baseUrl + "/api/v1/auth/second-factor",
                                java.util.Map.of(
                                        "challenge",
                                        login.path("challenge").asText(),
                                        "code",
                                        AuthenticatorApp.nextCode(email, authenticatorSecret)));
            }
            String token = login.path("accessToken").asText();
            List<Waiting> waiting = new ArrayList<>();
            String after = null;
            do {
                String url =
                        baseUrl
                                + "/api/v1/transplant-requests?status=WAITING&limit=100"
                                + (after == null
                                        ? ""
                                        : "&after="
                                                + URLEncoder.encode(after, StandardCharsets.UTF_8));
                JsonNode page =
                        send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .header("Authorization", "Bearer " + token)
                                        .GET());
                for (JsonNode item : page.path("items")) {
                    waiting.add(new Waiting(item.path("id").asText(), item.path("organ").asText()));
                }
                after =
                        page.path("nextCursor").isTextual()
                                ? page.path("nextCursor").asText()
                                : null;
            } while (after != null);
            if (waiting.isEmpty()) {
                throw new IllegalStateException(
                        "no WAITING transplant requests at " + baseUrl + "; load demo data first");
            }
            System.out.println("waiting requests to run matches for: " + waiting.size());
            warmUp(baseUrl, token, waiting);
            return waiting;
        } catch (IOException e) {
            throw new IllegalStateException("could not read the waiting list at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A few runs of every organ before the measurement, so that the figures are of a warmed-up
     * server (JIT, caches of parsed pledges) rather than of its first minute.
     */
    private static void warmUp(String baseUrl, String token, List<Waiting> waiting)
            throws IOException, InterruptedException {
        int runs = Integer.getInteger("ramsetu.warmUpRunsPerOrgan", 3);
        java.util.Map<String, Integer> done = new java.util.HashMap<>();
        long started = System.nanoTime();
        for (Waiting w : waiting) {
            if (done.getOrDefault(w.organ(), 0) >= runs) {
                continue;
            }
            HttpResponse<String> response =
                    HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    baseUrl
                                                            + "/api/v1/transplant-requests/"
                                                            + w.id()
                                                            + "/match-runs"))
                                    .header("Authorization", "Bearer " + token)
                                    .timeout(Duration.ofMinutes(2))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "warm-up match run for "
                                + w.id()
                                + " → "
                                + response.statusCode()
                                + " "
                                + response.body());
            }
            done.merge(w.organ(), 1, Integer::sum);
        }
        System.out.printf(
                "warm-up: %s match runs in %.1f s%n", done, (System.nanoTime() - started) / 1e9);
    }

    private static JsonNode send(HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(
                        request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
        // 202: a coordinator's password step, answered with the challenge of the second factor.
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw new IllegalStateException(
                    request.build().uri() + " → " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String url, java.util.Map<String, String> body)
            throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }
}
