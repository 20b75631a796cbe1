package org.ramsetu.app.smoke;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of a smoke test: one request at a time with a bounded wait, and every way it can go
 * wrong turned into a sentence an operator reads in a deployment log.
 */
final class SmokeHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration requestTimeout;

    SmokeHttp(Duration requestTimeout, Optional<Path> trustedCertificates) {
        this.requestTimeout = requestTimeout;
        // HTTP/1.1: the actuator ports and the load balancers in front speak it; no upgrade dance.
        HttpClient.Builder client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(requestTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER);
        trustedCertificates.ifPresent(pem -> client.sslContext(trusting(pem)));
        this.client = client.build();
    }

    /** TLS that trusts the CAs of one PEM file only, as the deployment's own clients do. */
    private static SSLContext trusting(Path pem) {
        return SslBundle.of(
                        new PemSslStoreBundle(
                                null,
                                PemSslStoreDetails.forCertificates("file:" + pem.toAbsolutePath())))
                .createSslContext();
    }

    /** An answer: its status and its body parsed as JSON (null when it was not JSON). */
    record Answer(int status, JsonNode json, String body) {

        boolean is(int expected) {
            return status == expected;
        }

        /** The problem's title and detail, or the start of the body, for a failure line. */
        String why() {
            if (json != null && json.has("detail")) {
                return "HTTP "
                        + status
                        + " "
                        + json.path("title").asString("")
                        + ": "
                        + json.path("detail").asString("");
            }
            String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
            return "HTTP " + status + (text.isEmpty() ? "" : " " + abbreviate(text, 160));
        }
    }

    /** Why a request got no answer at all. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    Answer get(URI uri, String bearerToken) throws Unreachable {
        return send(request(uri, bearerToken).GET().build());
    }

    Answer post(URI uri, String bearerToken, Object body, String idempotencyKey)
            throws Unreachable {
        HttpRequest.Builder request =
                request(uri, bearerToken)
                        .header("Content-Type", "application/json")
                        .POST(
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    private HttpRequest.Builder request(URI uri, String bearerToken) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(requestTimeout)
                        .header("Accept", "application/json")
                        .header("User-Agent", "ramsetu-smoke");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return request;
    }

    private Answer send(HttpRequest request) throws Unreachable {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Unreachable(
                    "no answer within " + requestTimeout.toSeconds() + " s from " + request.uri());
        } catch (ConnectException e) {
            throw new Unreachable("cannot connect to " + request.uri() + " (" + e + ")");
        } catch (SSLException e) {
            throw new Unreachable(
                    "TLS with "
                            + request.uri()
                            + " failed: "
                            + e.getMessage()
                            + " (a deployment's own CA is trusted with --ca-file)");
        } catch (IOException e) {
            throw new Unreachable(request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while calling " + request.uri());
        }
        return new Answer(response.statusCode(), parse(response.body()), response.body());
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
