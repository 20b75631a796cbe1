package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.fields;
import static org.ramsetu.platform.api.Registry.json;
import static org.ramsetu.platform.api.Registry.with;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.api.Accounts;
import org.ramsetu.platform.api.ApiClient;
import org.ramsetu.platform.api.Donation;
import org.ramsetu.platform.api.Matching;
import org.ramsetu.platform.api.PlatformInstance;
import org.ramsetu.platform.api.Registry;
import org.ramsetu.platform.api.SampleFiles;
import tools.jackson.databind.JsonNode;

/**
 * The bounds the API description states on request fields ({@code minimum}, {@code maximum}, {@code
 * minLength}, {@code maxLength}) are the bounds the API enforces. For every bounded field of every
 * request body the description lists, a fresh, otherwise valid request is sent twice: with the
 * value at the bound it must succeed, and with the value just past the bound it must be refused
 * with a 400 naming that field. Query parameters with bounds (page sizes, run lists, simulation
 * sizes) are held to theirs the same way. A bound that no target below exercises fails the test, so
 * the description cannot promise a bound nobody checked.
 */
class RequestBoundsIntegrationTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    /** A fresh request that the API accepts as it is: its client, method, path and body. */
    private record Attempt(ApiClient client, String method, String path, Map<String, Object> body) {

        ApiClient.Response send(String field, Object value) {
            return client.sendJson(method, path, with(body, field, value));
        }
    }

    /** One bound of one field: the value at it and the value just past it. */
    private record Bound(String schema, String field, String keyword, Object at, Object past) {}

    private final JsonNode description = PlatformInstance.client().get("/v3/api-docs").json();
    private final JsonNode schemas = description.path("components").path("schemas");
    private final Accounts.SignedIn coordinator = Accounts.coordinator();
    private final Accounts.SignedIn administrator = Accounts.administrator();

    /** Per request schema, how to make a request that carries it and is accepted. */
    private Map<String, Supplier<Attempt>> targets() {
        Map<String, Supplier<Attempt>> targets = new LinkedHashMap<>();
        targets.put(
                "Signup",
                () ->
                        new Attempt(
                                PlatformInstance.client(),
                                "POST",
                                "/api/v1/auth/signup",
                                json(
                                        "email", Accounts.newEmail("bounds"),
                                        "password", "three words here",
                                        "role", "DONOR",
                                        "fullName", "Asha Patil")));
        targets.put(
                "DonorProfileRequest",
                () ->
                        new Attempt(
                                Accounts.donor().client(),
                                "PUT",
                                "/api/v1/donors/me",
                                with(Registry.donorProfile(), "medicalHistory.notes", "none")));
        targets.put(
                "PatientProfileRequest",
                () ->
                        new Attempt(
                                Accounts.patient().client(),
                                "PUT",
                                "/api/v1/patients/me",
                                Registry.patientProfile()));
        targets.put(
                "CreateTransplantRequest",
                () ->
                        new Attempt(
                                Registry.patientWithProfile().client(),
                                "POST",
                                "/api/v1/transplant-requests",
                                Registry.heartRequest(2)));
        targets.put(
                "PledgeRejectionRequest",
                () ->
                        new Attempt(
                                coordinator.client(),
                                "POST",
                                "/api/v1/admin/pledges/"
                                        + Registry.pledgeId(
                                                Registry.donorWithProfile(),
                                                Registry.kidneyPledge())
                                        + "/reject",
                                json("reason", "report too old")));
        targets.put(
                "ClinicalValuesChange",
                () -> {
                    var patient = Registry.patientWithProfile();
                    return new Attempt(
                            patient.client(),
                            "PUT",
                            "/api/v1/transplant-requests/" + pendingHeart(patient) + "/clinical",
                            json("heart", json("statusTier", 3)));
                });
        targets.put(
                "RequestVerificationRequest",
                () -> {
                    var patient = Registry.patientWithProfile();
                    return new Attempt(
                            Registry.coordinatorAtHospitalOf(patient).client(),
                            "POST",
                            "/api/v1/admin/transplant-requests/"
                                    + pendingHeart(patient)
                                    + "/verify",
                            json("urgency", 3, "evidence", "status 2 confirmed on 2026-12-01"));
                });
        targets.put(
                "AnswerOfferRequest",
                () -> {
                    Donation.OpenOffer open = Donation.openOffer();
                    return new Attempt(
                            open.centre().client(),
                            "POST",
                            "/api/v1/admin/offers/" + open.offerId() + "/answer",
                            json("answer", "DECLINE", "reason", "LOGISTICS", "note", "no theatre"));
                });
        targets.put(
                "RequestRemovalRequest",
                () ->
                        new Attempt(
                                coordinator.client(),
                                "POST",
                                "/api/v1/admin/transplant-requests/"
                                        + Registry.request(
                                                        Registry.patientWithProfile(),
                                                        Registry.heartRequest(2))
                                                .path("id")
                                                .asString()
                                        + "/remove",
                                json("reason", "transplanted elsewhere")));
        targets.put(
                "Rejection",
                () -> {
                    var upload =
                            Accounts.donor()
                                    .client()
                                    .upload(
                                            "/api/v1/documents",
                                            SampleFiles.pdfUpload("MEDICAL_REPORT", "report.pdf"));
                    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
                    return new Attempt(
                            coordinator.client(),
                            "POST",
                            "/api/v1/admin/documents/" + upload.text("id") + "/reject",
                            json("reason", "unreadable"));
                });
        targets.put(
                "DecisionRequest",
                () ->
                        new Attempt(
                                coordinator.client(),
                                "POST",
                                "/api/v1/matches/"
                                        + Matching.livePair(coordinator).matchId()
                                        + "/decline",
                                json("reason", "OTHER", "note", "see the notes")));
        targets.put(
                "OpenCaseRequest",
                () ->
                        new Attempt(
                                coordinator.client(),
                                "POST",
                                "/api/v1/admin/donation-cases",
                                json(
                                        "consent",
                                        "FAMILY",
                                        "record",
                                        Donation.strokeAfterCirculatoryDeath())));
        targets.put(
                "DonorRecordBody",
                () ->
                        new Attempt(
                                coordinator.client(),
                                "PUT",
                                "/api/v1/admin/donation-cases/" + openCase(coordinator) + "/record",
                                Donation.strokeAfterCirculatoryDeath()));
        targets.put(
                "CentreBody",
                () ->
                        new Attempt(
                                administrator.client(),
                                "POST",
                                Registry.CENTRES,
                                Registry.newCentre()));
        targets.put(
                "RankRequest",
                () ->
                        new Attempt(
                                coordinator.client(),
                                "POST",
                                "/v1/models/heart/rank",
                                json(
                                        "candidates",
                                        List.of(
                                                json(
                                                        "id",
                                                        "h1",
                                                        "features",
                                                        json(
                                                                "blood_compat_score", 0.9,
                                                                "echo_score", 0.9,
                                                                "angiography_score", 0.9,
                                                                "viral_score", 0.95,
                                                                "cardiac_risk_score", 0.85,
                                                                "distance_km", 300,
                                                                "urgency_level", 4))),
                                        "topK",
                                        5)));
        return targets;
    }

    /** A heart request of the patient's, pending its centre's verification; its id. */
    private static String pendingHeart(Accounts.SignedIn patient) {
        var pending =
                patient.client().post("/api/v1/transplant-requests", Registry.heartRequest(2));
        assertThat(pending.status()).as(pending.toString()).isEqualTo(201);
        return pending.text("id");
    }

    /**
     * Per path of a GET with bounded query parameters, the path to ask (its variables filled with
     * records that exist) and the parameters it needs besides; asked as the first of coordinator,
     * donor and patient that may read it.
     */
    private static Map<String, Supplier<String>> queryTargets(Accounts.SignedIn coordinator) {
        Map<String, Supplier<String>> targets = new LinkedHashMap<>();
        for (String list :
                List.of(
                        "/api/v1/admin/audit",
                        "/api/v1/admin/centres",
                        "/api/v1/admin/documents",
                        "/api/v1/admin/offers",
                        "/api/v1/admin/donation-cases",
                        "/api/v1/admin/donors",
                        "/api/v1/admin/patients",
                        "/api/v1/admin/reprocessing/batches",
                        "/api/v1/centres",
                        "/api/v1/documents",
                        "/api/v1/matches",
                        "/api/v1/pledges",
                        "/api/v1/reminders",
                        "/api/v1/transplant-requests")) {
            targets.put(list, () -> list);
        }
        targets.put(
                "/api/v1/transplant-requests/{id}/match-runs",
                () ->
                        "/api/v1/transplant-requests/"
                                + Matching.livePair(coordinator).requestId()
                                + "/match-runs");
        targets.put(
                "/api/v1/match-runs/{id}",
                () ->
                        "/api/v1/match-runs/"
                                + Matching.livePair(coordinator).run().path("id").asString());
        targets.put(
                "/api/v1/allocation-runs/{id}",
                () -> {
                    String pledge =
                            Matching.verifiedPledge(
                                    Matching.donor(Matching.place(), "O+", Matching.PATIENT_HLA),
                                    Registry.liverPledge(),
                                    coordinator);
                    var run =
                            coordinator
                                    .client()
                                    .post("/api/v1/pledges/" + pledge + "/allocation-runs", "{}");
                    assertThat(run.status()).as(run.toString()).isEqualTo(201);
                    return "/api/v1/allocation-runs/" + run.text("id");
                });
        targets.put(
                "/api/v1/admin/allocation-runs",
                () -> "/api/v1/admin/allocation-runs?caseId=" + openCase(coordinator));
        targets.put(
                "/api/v1/admin/allocation-simulations",
                () -> "/api/v1/admin/allocation-simulations?organ=LIVER&donors=5&days=5");
        return targets;
    }

    @Test
    void everyDescribedBoundOfAQueryParameterIsTheBoundTheApiEnforces() {
        Map<String, List<Bound>> byPath = new LinkedHashMap<>();
        DescribedOperations.each(
                description,
                (method, path, operation) -> {
                    for (JsonNode parameter : operation.path("parameters")) {
                        if ("query".equals(parameter.path("in").asString())) {
                            boundsOf(
                                    method.toUpperCase() + " " + path,
                                    parameter.path("name").asString(),
                                    parameter.path("schema"),
                                    byPath.computeIfAbsent(path, p -> new ArrayList<>()));
                        }
                    }
                });
        assertThat(byPath.values().stream().mapToInt(List::size).sum())
                .as("bounds described on query parameters")
                .isGreaterThan(20);

        List<String> failures = new ArrayList<>();
        byPath.forEach(
                (template, bounds) -> {
                    if (bounds.isEmpty()) {
                        return;
                    }
                    // Fresh accounts per path: the API's per-account rate limit is not the subject.
                    // A centre's offers are read by a coordinator who works for a centre.
                    Accounts.SignedIn asker =
                            template.equals("/api/v1/admin/offers")
                                    ? Registry.coordinatorAtHospitalOf(
                                            Registry.patientWithProfile())
                                    : Accounts.coordinator();
                    Supplier<String> target = queryTargets(asker).get(template);
                    if (target == null) {
                        bounds.forEach(
                                b -> failures.add(b.schema() + " ?" + b.field() + ": no target"));
                        return;
                    }
                    String path = target.get();
                    List<ApiClient> readers =
                            List.of(
                                    asker.client(),
                                    Registry.donorWithProfile().client(),
                                    Registry.patientWithProfile().client());
                    ApiClient reader =
                            readers.stream()
                                    .filter(r -> r.get(path).status() / 100 == 2)
                                    .findFirst()
                                    .orElseThrow(
                                            () ->
                                                    new AssertionError(
                                                            "nobody may read "
                                                                    + path
                                                                    + "; a coordinator gets "
                                                                    + readers.get(0).get(path)));
                    for (Bound bound : bounds) {
                        String name = bound.schema() + " ?" + bound.field() + " " + bound.keyword();
                        ApiClient.Response at =
                                reader.get(withQuery(path, bound.field(), bound.at()));
                        if (at.status() / 100 != 2) {
                            failures.add(name + " at " + shown(bound.at()) + " → " + at);
                        }
                        ApiClient.Response past =
                                reader.get(withQuery(path, bound.field(), bound.past()));
                        if (past.status() != 400 || !fields(past).contains(bound.field())) {
                            failures.add(name + " past it, " + shown(bound.past()) + " → " + past);
                        }
                    }
                });
        assertThat(failures).isEmpty();
    }

    /** The path with one query parameter set, replacing the value it had. */
    /** A donation case opened by the coordinator, for the targets that need one: its id. */
    private static String openCase(Accounts.SignedIn coordinator) {
        var opened =
                coordinator
                        .client()
                        .post(
                                "/api/v1/admin/donation-cases",
                                json(
                                        "consent",
                                        "FAMILY",
                                        "record",
                                        Donation.strokeAfterCirculatoryDeath()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("id");
    }

    private static String withQuery(String path, String name, Object value) {
        String without =
                path.replaceAll("([?&])" + name + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return without + (without.contains("?") ? "&" : "?") + name + "=" + value;
    }

    @Test
    void everyDescribedBoundOfARequestIsTheBoundTheApiEnforces() {
        Map<String, Supplier<Attempt>> targets = targets();
        List<Bound> bounds = new ArrayList<>();
        for (String schema : requestSchemas()) {
            collect(schema, schemas.path(schema), "", bounds);
        }
        assertThat(bounds).as("bounds described on request fields").hasSizeGreaterThan(20);

        List<String> failures = new ArrayList<>();
        for (Bound bound : bounds) {
            Supplier<Attempt> target = targets.get(bound.schema());
            String name = bound.schema() + "." + bound.field() + " " + bound.keyword();
            if (target == null) {
                failures.add(name + ": no target of this test sends " + bound.schema());
                continue;
            }
            ApiClient.Response at = target.get().send(bound.field(), bound.at());
            if (at.status() / 100 != 2) {
                failures.add(name + " at " + shown(bound.at()) + " → " + at);
            }
            ApiClient.Response past = target.get().send(bound.field(), bound.past());
            if (past.status() != 400 || !fields(past).contains(bound.field())) {
                failures.add(name + " past it, " + shown(bound.past()) + " → " + past);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The schemas the description names as a JSON request body, in its order. */
    private Set<String> requestSchemas() {
        Set<String> names = new LinkedHashSet<>();
        DescribedOperations.each(
                description,
                (method, path, operation) -> {
                    String ref =
                            operation
                                    .at("/requestBody/content/application~1json/schema/$ref")
                                    .asString("");
                    if (!ref.isEmpty()) {
                        names.add(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                });
        return names;
    }

    /** The bounded fields of a schema, followed into the objects it nests. */
    private void collect(String schema, JsonNode object, String prefix, List<Bound> bounds) {
        object.path("properties")
                .properties()
                .forEach(
                        property -> {
                            String field = prefix + property.getKey();
                            JsonNode value = property.getValue();
                            JsonNode nested = nestedObject(value);
                            if (nested != null) {
                                collect(schema, nested, field + ".", bounds);
                            } else {
                                boundsOf(schema, field, value, bounds);
                            }
                        });
    }

    private JsonNode nestedObject(JsonNode value) {
        String ref = value.path("$ref").asString("");
        for (JsonNode option : value.path("oneOf")) {
            ref = ref.isEmpty() ? option.path("$ref").asString("") : ref;
        }
        return ref.isEmpty() ? null : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static void boundsOf(String schema, String field, JsonNode value, List<Bound> bounds) {
        boolean integer = value.path("type").toString().contains("integer");
        double step = integer ? 1 : 0.01;
        if (value.has("minimum")) {
            double min = value.path("minimum").asDouble();
            bounds.add(
                    new Bound(
                            schema,
                            field,
                            "minimum",
                            number(min, integer),
                            number(min - step, integer)));
        }
        if (value.has("maximum")) {
            double max = value.path("maximum").asDouble();
            bounds.add(
                    new Bound(
                            schema,
                            field,
                            "maximum",
                            number(max, integer),
                            number(max + step, integer)));
        }
        boolean email = field.equals("email");
        if (value.has("minLength")) {
            int min = value.path("minLength").asInt();
            bounds.add(new Bound(schema, field, "minLength", text(min), text(min - 1)));
        }
        if (value.has("maxLength")) {
            int max = value.path("maxLength").asInt();
            bounds.add(
                    new Bound(
                            schema,
                            field,
                            "maxLength",
                            email ? emailOfLength(max) : text(max),
                            email ? emailOfLength(max + 1) : text(max + 1)));
        }
    }

    private static Object number(double value, boolean integer) {
        return integer ? (Object) Math.round(value) : (Object) value;
    }

    /** Letters in turn, so no check for one repeated character refuses it. */
    private static String text(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(LETTERS.charAt(i % LETTERS.length()));
        }
        return text.toString();
    }

    /**
     * A fresh address of exactly {@code length} characters: a short local part and a domain of
     * labels no longer than DNS allows (63).
     */
    private static String emailOfLength(int length) {
        String local = "bounds" + NEXT.incrementAndGet();
        int labels = length - local.length() - "@".length() - "org".length();
        if (labels % 61 == 1) { // a lone character cannot be a label with its dot: one more here
            local += "x";
            labels--;
        }
        StringBuilder domain = new StringBuilder();
        while (labels > 0) {
            int label = Math.min(labels, 61) - 1;
            domain.append(text(label)).append('.');
            labels -= label + 1;
        }
        return local + "@" + domain + "org";
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 24 ? text : text.length() + " characters";
    }
}
