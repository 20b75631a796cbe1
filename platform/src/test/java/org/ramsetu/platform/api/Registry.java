package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Valid registry bodies (profiles, pledges, transplant requests) and the steps the registry tests
 * share. Bodies are fresh mutable maps, so a test changes one field and sends the rest unchanged.
 */
public final class Registry {

    public static final String CENTRES = "/api/v1/admin/centres";

    private Registry() {}

    /** A mutable JSON object from alternating names and values. */
    public static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /**
     * The body with one value replaced; {@code path} may be nested, e.g. {@code location.state}.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = deepCopy(body);
        Map<String, Object> node = copy;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.get(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach(
                (k, v) ->
                        copy.put(
                                k,
                                v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }

    /** A city no other test uses, so filtered lists hold only this test's records. */
    public static String uniqueCity(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // Donors and pledges

    public static Map<String, Object> donorProfile(String city, String bloodGroup) {
        return json(
                "bloodGroup",
                bloodGroup,
                "dateOfBirth",
                "1985-04-12",
                "sex",
                "FEMALE",
                "heightCm",
                162.5,
                "weightKg",
                58.0,
                "location",
                json(
                        "city",
                        city,
                        "state",
                        "Maharashtra",
                        "latitude",
                        18.5204,
                        "longitude",
                        73.8567),
                "hla",
                json("a", List.of("A2", "A24"), "b", List.of("B7", "B44"), "dr", List.of("DR15")),
                "medicalHistory",
                json("hypertension", false, "diabetes", false, "notes", "none"),
                "consent",
                true);
    }

    public static Map<String, Object> donorProfile() {
        return donorProfile("Pune", "O+");
    }

    /** A signed-up donor who has saved a profile. */
    public static Accounts.SignedIn donorWithProfile(String city, String bloodGroup) {
        Accounts.SignedIn donor = Accounts.donor();
        var saved = donor.client().put("/api/v1/donors/me", donorProfile(city, bloodGroup));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return donor;
    }

    public static Accounts.SignedIn donorWithProfile() {
        return donorWithProfile("Pune", "O+");
    }

    public static Map<String, Object> kidneyPledge() {
        return json(
                "organ",
                "KIDNEY",
                "consent",
                true,
                "kidney",
                json(
                        "creatinine", json("value", 0.9, "unit", "mg/dL"),
                        "renalFunction", "NORMAL",
                        "imaging", "NORMAL",
                        "cardiacRisk", "GOOD"));
    }

    public static Map<String, Object> liverPledge() {
        return json(
                "organ",
                "LIVER",
                "consent",
                true,
                "liver",
                json(
                        "bilirubin", json("value", 0.8, "unit", "mg/dL"),
                        "inr", 1.0,
                        "liverFunction", "NORMAL",
                        "imaging", "NORMAL",
                        "viral", "NEGATIVE"));
    }

    public static Map<String, Object> heartPledge() {
        return json(
                "organ",
                "HEART",
                "consent",
                true,
                "heart",
                json(
                        "lvef", 60.0,
                        "angiography", "NO_BLOCKAGE",
                        "viral", "NEGATIVE",
                        "cardiacRisk", "GOOD"));
    }

    public static Map<String, Object> corneaPledge() {
        return json(
                "organ",
                "CORNEA",
                "consent",
                true,
                "cornea",
                json(
                        "endothelialCellDensity", 2600.0,
                        "eyeHealth", "GOOD",
                        "infection", "NONE",
                        "serology", "NEGATIVE"));
    }

    /** Pledges and returns the pledge as created (201, PENDING). */
    public static JsonNode pledge(Accounts.SignedIn donor, Map<String, Object> body) {
        var created = donor.client().post("/api/v1/pledges", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PENDING");
        return created.json();
    }

    public static String pledgeId(Accounts.SignedIn donor, Map<String, Object> body) {
        return pledge(donor, body).path("id").asString();
    }

    // Patients and transplant requests

    public static Map<String, Object> patientProfile(
            String city, String bloodGroup, String dateOfBirth) {
        return json(
                "bloodGroup",
                bloodGroup,
                "dateOfBirth",
                dateOfBirth,
                "sex",
                "FEMALE",
                "heightCm",
                158.0,
                "weightKg",
                61.5,
                "hla",
                json(
                        "a",
                        List.of("A1", "A2"),
                        "b",
                        List.of("B8", "B44"),
                        "dr",
                        List.of("DR3", "DR4")),
                "unacceptableAntigens",
                List.of("A3", "B7"),
                "hospital",
                json(
                        "name",
                        "KEM Hospital",
                        "city",
                        city,
                        "state",
                        "maharashtra",
                        "latitude",
                        19.0022,
                        "longitude",
                        72.8416));
    }

    public static Map<String, Object> patientProfile() {
        return patientProfile("Mumbai", "B+", "1968-09-30");
    }

    public static Accounts.SignedIn patientWithProfile(Map<String, Object> profile) {
        Accounts.SignedIn patient = Accounts.patient();
        var saved = patient.client().put("/api/v1/patients/me", profile);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return patient;
    }

    public static Accounts.SignedIn patientWithProfile() {
        return patientWithProfile(patientProfile());
    }

    /**
     * A liver request whose scores are worked out in {@code TransplantRequestIntegrationTest}:
     * MELD-Na 25, MELD 3.0 26 for a female patient.
     */
    public static Map<String, Object> liverRequest() {
        return json(
                "organ",
                "LIVER",
                "urgency",
                4,
                "liver",
                json(
                        "bilirubin",
                        json("value", 3.2, "unit", "mg/dL"),
                        "inr",
                        1.8,
                        "creatinine",
                        json("value", 1.4, "unit", "mg/dL"),
                        "sodium",
                        130.0,
                        "albumin",
                        json("value", 2.8, "unit", "g/dL"),
                        "dialysedTwiceInPastWeek",
                        false));
    }

    public static Map<String, Object> kidneyRequest(String dialysisStartDate) {
        Map<String, Object> kidney = json("diabetes", true, "priorTransplant", false);
        if (dialysisStartDate != null) {
            kidney.put("dialysisStartDate", dialysisStartDate);
        }
        return json("organ", "KIDNEY", "urgency", 3, "kidney", kidney);
    }

    public static Map<String, Object> heartRequest(int statusTier) {
        return json("organ", "HEART", "urgency", 5, "heart", json("statusTier", statusTier));
    }

    public static Map<String, Object> corneaRequest() {
        return json("organ", "CORNEA", "urgency", 2, "cornea", json("indication", "optical"));
    }

    /** A request the patient makes and the centre at their hospital verifies: {@code WAITING}. */
    public static JsonNode request(Accounts.SignedIn patient, Map<String, Object> body) {
        var created = patient.client().post("/api/v1/transplant-requests", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PENDING_VERIFICATION");
        return verified(created.json(), coordinatorAtHospitalOf(patient));
    }

    /**
     * A coordinator of a centre registered, for this patient, at the hospital of their profile: the
     * distances a test expects from the profile stay what they were.
     */
    public static Accounts.SignedIn coordinatorAtHospitalOf(Accounts.SignedIn patient) {
        JsonNode hospital = patient.client().get("/api/v1/patients/me").json().path("hospital");
        return centreCoordinator(
                hospital.path("name").asString(),
                hospital.path("city").asString(),
                hospital.path("state").asString(),
                hospital.path("latitude").asDouble(),
                hospital.path("longitude").asDouble());
    }

    /** A coordinator of a centre registered for them at the place, with every programme. */
    public static Accounts.SignedIn centreCoordinator(
            String name, String city, String state, double latitude, double longitude) {
        Accounts.SignedIn coordinator = Accounts.coordinator();
        assign(coordinator.email(), centre(name, city, state, latitude, longitude));
        return coordinator;
    }

    /** A centre with a name and registration number no other test uses. */
    public static Map<String, Object> newCentre() {
        String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return json(
                "name",
                "Sassoon General Hospital " + unique,
                "registrationNumber",
                "MH/TTX/" + unique,
                "city",
                "Pune",
                "state",
                "maharashtra",
                "latitude",
                18.5196,
                "longitude",
                73.8711,
                "programmes",
                List.of("LIVER", "KIDNEY"));
    }

    public static String registeredCentre(
            Accounts.SignedIn administrator, Map<String, Object> body) {
        var created = administrator.client().post(CENTRES, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    /** A centre at the place with every programme, its name made unique; answers its id. */
    public static String centre(
            String name, String city, String state, double latitude, double longitude) {
        Map<String, Object> body = newCentre();
        body.put("name", name + " " + body.get("registrationNumber"));
        body.put("city", city);
        body.put("state", state);
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        body.put("programmes", List.of("KIDNEY", "LIVER", "HEART", "CORNEA"));
        return registeredCentre(Accounts.administrator(), body);
    }

    /** The coordinator with this e-mail works for the centre from now on. */
    public static void assign(String coordinatorEmail, String centreId) {
        var assigned =
                Accounts.administrator()
                        .client()
                        .post(
                                CENTRES + "/" + centreId + "/coordinators",
                                json("email", coordinatorEmail));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    }

    /** The centre's coordinator verifies a pending request at the urgency the patient asked for. */
    public static JsonNode verified(JsonNode pending, Accounts.SignedIn centreCoordinator) {
        return verified(
                pending.path("id").asString(), pending.path("urgency").asInt(), centreCoordinator);
    }

    public static JsonNode verified(
            String requestId, int urgency, Accounts.SignedIn centreCoordinator) {
        var verified =
                centreCoordinator
                        .client()
                        .post(
                                "/api/v1/admin/transplant-requests/" + requestId + "/verify",
                                json(
                                        "urgency",
                                        urgency,
                                        "evidence",
                                        "clinical values checked against the referral letter"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.text("status")).isEqualTo("WAITING");
        return verified.json();
    }

    // Problems, audit, mail

    /**
     * A list read one row a page, following {@code nextCursor} to the end: every page, in order.
     * {@code path} carries the list's filters (and at least one query parameter).
     */
    public static List<ApiClient.Response> onePageAtATime(ApiClient client, String path) {
        List<ApiClient.Response> pages = new ArrayList<>();
        String after = null;
        do {
            var page = client.get(path + "&limit=1" + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pages.add(page);
            after = page.text("nextCursor");
        } while (after != null);
        return pages;
    }

    /** The fields a 400 problem names, in order. */
    public static List<String> fields(ApiClient.Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    /** Audit rows of one action on one record, as the coordinator's audit viewer lists them. */
    public static List<JsonNode> audit(
            Accounts.SignedIn coordinator, String action, String targetType, String targetId) {
        var page =
                coordinator
                        .client()
                        .get(
                                "/api/v1/admin/audit?action="
                                        + action
                                        + "&targetType="
                                        + encoded(targetType)
                                        + "&targetId="
                                        + targetId
                                        + "&limit=200");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        page.json().path("items").forEach(rows::add);
        return rows;
    }

    /** The mail to the address that contains the text, waiting up to 15 s for the mail job. */
    public static String mailContaining(String address, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            for (String mail : PlatformInstance.mail().mailsTo(address, 0)) {
                if (mail.contains(text)) {
                    return mail;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mail to " + address + " contains '" + text + "'");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** How many mails to the address contain the text, right now. */
    public static long mailsContaining(String address, String text) {
        return PlatformInstance.mail().mailsTo(address, 0).stream()
                .filter(m -> m.contains(text))
                .count();
    }
}
