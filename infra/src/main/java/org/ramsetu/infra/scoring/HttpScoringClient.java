package org.ramsetu.infra.scoring;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link ScoringClient} of split mode: the scoring target's {@code /v1} API over HTTP, with a
 * timeout on every call and the target's problem details turned back into the port's exceptions.
 * Plain on purpose: the circuit breaker, bulkhead and retry wrap it where it is wired.
 */
public final class HttpScoringClient implements ScoringClient {

    private static final Pattern ORGAN = Pattern.compile("[A-Za-z]{1,20}");

    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ObservationRegistry observations;
    private final ScoringCredentials credentials;

    public HttpScoringClient(URI baseUrl, Duration timeout) {
        this(baseUrl, timeout, ObservationRegistry.NOOP);
    }

    public HttpScoringClient(URI baseUrl, Duration timeout, ObservationRegistry observations) {
        this(baseUrl, timeout, observations, ScoringCredentials.none());
    }

    /**
     * @param baseUrl e.g. {@code http://scoring:8081} ({@code RAMSETU_SCORING_URL})
     * @param timeout for connecting and for each whole call
     * @param observations times each call and, with tracing, sends the caller's trace context
     *     ({@code traceparent}) so that the scoring target's work joins the request's trace
     * @param credentials the bearer token shown on each call (the scoring target refuses anonymous
     *     callers unless it is explicitly open)
     */
    public HttpScoringClient(
            URI baseUrl,
            Duration timeout,
            ObservationRegistry observations,
            ScoringCredentials credentials) {
        this(baseUrl, timeout, observations, credentials, defaultTls());
    }

    /**
     * As above, verifying an {@code https://} scoring target with {@code tls} (e.g. one trusting
     * only the deployment's own CA).
     */
    public HttpScoringClient(
            URI baseUrl,
            Duration timeout,
            ObservationRegistry observations,
            ScoringCredentials credentials,
            SSLContext tls) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).sslContext(tls).build();
        this.observations = observations;
        this.credentials = credentials;
    }

    @Override
    public RankResponse rank(String organ, RankRequest request) {
        Map<String, Object> body =
                Map.of("candidates", request.candidates(), "topK", request.topK());
        return json.treeToValue(post(organ, "rank", body), RankResponse.class);
    }

    @Override
    public ScoreResponse score(String organ, ScoreRequest request) {
        Map<String, Object> body = Map.of("candidates", request.candidates());
        return json.treeToValue(post(organ, "score", body), ScoreResponse.class);
    }

    @Override
    public List<ModelSummary> models() {
        JsonNode answer = send(HttpRequest.newBuilder(baseUrl.resolve("/v1/models")).GET(), null);
        List<ModelSummary> models = new ArrayList<>();
        answer.get("models")
                .forEach(node -> models.add(json.treeToValue(node, ModelSummary.class)));
        return models;
    }

    private JsonNode post(String organ, String action, Object body) {
        if (organ == null || !ORGAN.matcher(organ).matches()) {
            throw new UnknownOrganException(organ);
        }
        URI uri = baseUrl.resolve("/v1/models/" + organ + "/" + action);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        return send(request, organ);
    }

    private JsonNode send(HttpRequest.Builder request, String organ) {
        credentials
                .bearerToken()
                .ifPresent(token -> request.setHeader("Authorization", "Bearer " + token));
        RequestReplySenderContext<HttpRequest.Builder, HttpResponse<byte[]>> context =
                new RequestReplySenderContext<>(HttpRequest.Builder::header);
        context.setCarrier(request);
        context.setRemoteServiceName("ramsetu-scoring");
        String target = organ == null ? "models" : organ.toLowerCase(Locale.ROOT);
        return Observation.createNotStarted("ramsetu.scoring.calls", () -> context, observations)
                .contextualName("scoring " + target)
                .lowCardinalityKeyValue("organ", target)
                .observe(() -> sendNow(request, organ));
    }

    private JsonNode sendNow(HttpRequest.Builder request, String organ) {
        HttpResponse<byte[]> response;
        try {
            response =
                    http.send(
                            request.timeout(timeout).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ScoringUnavailableException(
                    "scoring at " + baseUrl + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScoringUnavailableException("interrupted while calling scoring", e);
        }
        JsonNode body =
                response.body().length == 0
                        ? json.createObjectNode()
                        : json.readTree(response.body());
        int status = response.statusCode();
        if (status == 200) {
            return body;
        }
        String detail = body.path("detail").asString("HTTP " + status + " from scoring");
        throw switch (status) {
            case 404 -> new UnknownOrganException(organ);
            case 413 ->
                    new TooManyCandidatesException(
                            body.path("count").asInt(), body.path("limit").asInt());
            case 400 -> new InvalidCandidatesException(problems(body, detail));
            default ->
                    new ScoringUnavailableException("scoring answered " + status + ": " + detail);
        };
    }

    private static List<CandidateProblem> problems(JsonNode body, String detail) {
        List<CandidateProblem> problems = new ArrayList<>();
        body.path("errors")
                .forEach(
                        e ->
                                problems.add(
                                        new CandidateProblem(
                                                e.path("candidateId").isNull()
                                                        ? null
                                                        : e.path("candidateId").asString(null),
                                                e.path("index").isNull()
                                                                || e.path("index").isMissingNode()
                                                        ? null
                                                        : e.path("index").asInt(),
                                                e.path("field").asString(""),
                                                e.path("message").asString(""))));
        if (problems.isEmpty()) {
            problems.add(CandidateProblem.ofRequest("body", detail));
        }
        return problems;
    }

    /** The JDK's own TLS context: its list of CAs, host names checked. */
    public static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}
