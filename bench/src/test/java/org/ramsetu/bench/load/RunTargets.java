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

/**
 * What the coordinators start runs for, read through the API as a coordinator reads it before the
 * load starts: the waiting transplant requests (match runs) or the verified pledges (allocation
 * runs).
 */
final class RunTargets {

    /** A request or a pledge, and its organ. */
    record Target(String id, String organ) {}

    /** Which run the load starts, and for what. */
    enum Kind {
        MATCH,
        ALLOCATION;

        /** The start of each request's name in the report, followed by the organ. */
        String label() {
            return this == MATCH ? "match run" : "allocation run";
        }

        /** What runs are started for: the first page of the list, without its limit. */
        String listPath() {
            return this == MATCH
                    ? "/api/v1/transplant-requests?status=WAITING"
                    : "/api/v1/pledges?status=VERIFIED";
        }

        /** The path that starts a run for {@code id}. */
        String runPath(String id) {
            return this == MATCH
                    ? "/api/v1/transplant-requests/" + id + "/match-runs"
                    : "/api/v1/pledges/" + id + "/allocation-runs";
        }

        static Kind of(String setting) {
            try {
                return valueOf(setting.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "ramsetu.runs (RUNS) must be match or allocation, not " + setting, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunTargets() {}

    static List<Target> load(
            Kind kind, String baseUrl, String email, String password, String authenticatorSecret) {
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
            List<Target> targets = new ArrayList<>();
            String after = null;
            do {
                String url =
                        baseUrl
                                + kind.listPath()
                                + "&limit=100"
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
                    targets.add(new Target(item.path("id").asText(), item.path("organ").asText()));
                }
                after =
                        page.path("nextCursor").isTextual()
                                ? page.path("nextCursor").asText()
                                : null;
            } while (after != null);
            if (targets.isEmpty()) {
                throw new IllegalStateException(
                        "nothing at " + baseUrl + kind.listPath() + "; load demo data first");
            }
            System.out.println("targets to start a " + kind.label() + " for: " + targets.size());
            warmUp(kind, baseUrl, token, targets);
            return targets;
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + baseUrl + kind.listPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A few runs of every organ before the measurement, so that the figures are of a warmed-up
     * server (JIT, the parsed pledges and waiting lists) rather than of its first minute.
     */
    private static void warmUp(Kind kind, String baseUrl, String token, List<Target> targets)
            throws IOException, InterruptedException {
        int runs = Integer.getInteger("ramsetu.warmUpRunsPerOrgan", 3);
        java.util.Map<String, Integer> done = new java.util.HashMap<>();
        long started = System.nanoTime();
        for (Target w : targets) {
            if (done.getOrDefault(w.organ(), 0) >= runs) {
                continue;
            }
            HttpResponse<String> response =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl + kind.runPath(w.id())))
                                    .header("Authorization", "Bearer " + token)
                                    .timeout(Duration.ofMinutes(2))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "warm-up "
                                + kind.label()
                                + " for "
                                + w.id()
                                + " → "
                                + response.statusCode()
                                + " "
                                + response.body());
            }
            done.merge(w.organ(), 1, Integer::sum);
        }
        System.out.printf(
                "warm-up: %s %ss in %.1f s%n",
                done, kind.label(), (System.nanoTime() - started) / 1e9);
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
