package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Donors, patients, verified pledges and match runs for the matching tests. Every scenario gets a
 * place of its own, far from the others: the shared instance holds every test's verified pledges,
 * and a donor at the patient's own hospital (0 km) ranks ahead of the same organ farther away.
 */
public final class Matching {

    /** A city used by one scenario only. */
    public record Place(String city, String state, double latitude, double longitude) {}

    private static final List<Place> PLACES =
            List.of(
                    new Place("Srinagar", "Jammu and Kashmir", 34.0837, 74.7973),
                    new Place("Guwahati", "Assam", 26.1445, 91.7362),
                    new Place("Thiruvananthapuram", "Kerala", 8.5241, 76.9366),
                    new Place("Ahmedabad", "Gujarat", 23.0225, 72.5714),
                    new Place("Kolkata", "West Bengal", 22.5726, 88.3639),
                    new Place("Nagpur", "Maharashtra", 21.1458, 79.0882),
                    new Place("Jaipur", "Rajasthan", 26.9124, 75.7873),
                    new Place("Bhubaneswar", "Odisha", 20.2961, 85.8245),
                    new Place("Hyderabad", "Telangana", 17.3850, 78.4867),
                    new Place("Lucknow", "Uttar Pradesh", 26.8467, 80.9462),
                    new Place("Imphal", "Manipur", 24.8170, 93.9368),
                    new Place("Shimla", "Himachal Pradesh", 31.1048, 77.1734),
                    new Place("Panaji", "Goa", 15.4909, 73.8278),
                    new Place("Bengaluru", "Karnataka", 12.9716, 77.5946),
                    new Place("Patna", "Bihar", 25.5941, 85.1376),
                    new Place("Raipur", "Chhattisgarh", 21.2514, 81.6296),
                    new Place("Dehradun", "Uttarakhand", 30.3165, 78.0322),
                    new Place("Agartala", "Tripura", 23.8315, 91.2868),
                    new Place("Madurai", "Tamil Nadu", 9.9252, 78.1198),
                    new Place("Jodhpur", "Rajasthan", 26.2389, 73.0243),
                    new Place("Bhopal", "Madhya Pradesh", 23.2599, 77.4126),
                    new Place("Visakhapatnam", "Andhra Pradesh", 17.6868, 83.2185),
                    new Place("Ranchi", "Jharkhand", 23.3441, 85.3096),
                    new Place("Aizawl", "Mizoram", 23.7271, 92.7176),
                    new Place("Leh", "Ladakh", 34.1526, 77.5771),
                    new Place("Port Blair", "Andaman and Nicobar Islands", 11.6234, 92.7265),
                    new Place("Kochi", "Kerala", 9.9312, 76.2673),
                    new Place("Mangaluru", "Karnataka", 12.9141, 74.8560),
                    new Place("Udaipur", "Rajasthan", 24.5854, 73.7125),
                    new Place("Gangtok", "Sikkim", 27.3389, 88.6065),
                    new Place("Vijayawada", "Andhra Pradesh", 16.5062, 80.6480),
                    new Place("Tiruchirappalli", "Tamil Nadu", 10.7905, 78.7047),
                    new Place("Kozhikode", "Kerala", 11.2588, 75.7804),
                    new Place("Gwalior", "Madhya Pradesh", 26.2183, 78.1828),
                    new Place("Jammu", "Jammu and Kashmir", 32.7266, 74.8570),
                    new Place("Silchar", "Assam", 24.8333, 92.7789),
                    new Place("Belagavi", "Karnataka", 15.8497, 74.4977),
                    new Place("Jhansi", "Uttar Pradesh", 25.4484, 78.5685),
                    new Place("Kurnool", "Andhra Pradesh", 15.8281, 78.0373),
                    new Place("Bikaner", "Rajasthan", 28.0229, 73.3119),
                    new Place("Amritsar", "Punjab", 31.6340, 74.8723),
                    new Place("Varanasi", "Uttar Pradesh", 25.3176, 82.9739),
                    new Place("Surat", "Gujarat", 21.1702, 72.8311),
                    new Place("Nashik", "Maharashtra", 19.9975, 73.7898),
                    new Place("Jabalpur", "Madhya Pradesh", 23.1815, 79.9864),
                    new Place("Dibrugarh", "Assam", 27.4728, 94.9120),
                    new Place("Sambalpur", "Odisha", 21.4669, 83.9812),
                    new Place("Bareilly", "Uttar Pradesh", 28.3670, 79.4304),
                    new Place("Tirunelveli", "Tamil Nadu", 8.7139, 77.7567),
                    new Place("Aurangabad", "Maharashtra", 19.8762, 75.3433),
                    new Place("Kohima", "Nagaland", 25.6751, 94.1086),
                    new Place("Shillong", "Meghalaya", 25.5788, 91.8933),
                    new Place("Itanagar", "Arunachal Pradesh", 27.0844, 93.6053),
                    new Place("Puducherry", "Puducherry", 11.9416, 79.8083),
                    new Place("Kota", "Rajasthan", 25.2138, 75.8648),
                    new Place("Ludhiana", "Punjab", 30.9010, 75.8573),
                    new Place("Gorakhpur", "Uttar Pradesh", 26.7606, 83.3732),
                    new Place("Warangal", "Telangana", 17.9689, 79.5941),
                    new Place("Kolhapur", "Maharashtra", 16.7050, 74.2433),
                    new Place("Bhuj", "Gujarat", 23.2420, 69.6669));

    private static final AtomicInteger NEXT_PLACE = new AtomicInteger();

    public static final List<String> PATIENT_HLA = List.of("A1", "A2", "B8", "B44", "DR3", "DR4");

    private Matching() {}

    public static Place place() {
        int i = NEXT_PLACE.getAndIncrement();
        if (i >= PLACES.size()) {
            throw new IllegalStateException("add places: each scenario needs one of its own");
        }
        return PLACES.get(i);
    }

    public static Map<String, Object> hla(List<String> antigens) {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> dr = new ArrayList<>();
        for (String antigen : antigens) {
            (antigen.startsWith("DR") ? dr : antigen.startsWith("B") ? b : a).add(antigen);
        }
        return json("a", a, "b", b, "dr", dr);
    }

    /** A donor with a profile at the place; {@code hla} null for an untyped donor. */
    public static Accounts.SignedIn donor(Place at, String bloodGroup, List<String> hla) {
        Map<String, Object> profile = Registry.donorProfile(at.city(), bloodGroup);
        profile.put(
                "location",
                json(
                        "city", at.city(),
                        "state", at.state(),
                        "latitude", at.latitude(),
                        "longitude", at.longitude()));
        if (hla == null) {
            profile.remove("hla");
        } else {
            profile.put("hla", hla(hla));
        }
        Accounts.SignedIn donor = Accounts.donor();
        var saved = donor.client().put("/api/v1/donors/me", profile);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return donor;
    }

    /** A patient treated at the place. */
    public static Accounts.SignedIn patient(
            Place at, String bloodGroup, List<String> hla, List<String> unacceptable) {
        Map<String, Object> profile = Registry.patientProfile(at.city(), bloodGroup, "1975-03-14");
        profile.put("hla", hla(hla));
        profile.put("unacceptableAntigens", unacceptable);
        profile.put(
                "hospital",
                json(
                        "name", "District Hospital " + at.city(),
                        "city", at.city(),
                        "state", at.state(),
                        "latitude", at.latitude(),
                        "longitude", at.longitude()));
        return Registry.patientWithProfile(profile);
    }

    /** Pledges and has the coordinator verify; answers the pledge id. */
    public static String verifiedPledge(
            Accounts.SignedIn donor, Map<String, Object> body, Accounts.SignedIn coordinator) {
        String id = Registry.pledgeId(donor, body);
        var verified = coordinator.client().post("/api/v1/admin/pledges/" + id + "/verify", "{}");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return id;
    }

    /** A new donor at the place pledges and the coordinator verifies; answers the pledge id. */
    public static String verifiedPledge(
            Place at,
            String bloodGroup,
            List<String> hla,
            Map<String, Object> body,
            Accounts.SignedIn coordinator) {
        return verifiedPledge(donor(at, bloodGroup, hla), body, coordinator);
    }

    /** An allocation run whole, every candidate and exclusion. */
    public static JsonNode wholeAllocationRun(Accounts.SignedIn coordinator, String runId) {
        var read =
                coordinator
                        .client()
                        .get(
                                "/api/v1/allocation-runs/"
                                        + runId
                                        + "?candidates=10000&excluded=10000");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    /** A request an allocation run ranked, with its place and scores. */
    public static JsonNode rankedRequest(JsonNode run, String requestId) {
        for (JsonNode c : run.path("candidates")) {
            if (c.path("requestId").asString().equals(requestId)) {
                return c;
            }
        }
        throw new AssertionError("request " + requestId + " is not ranked in " + run.path("id"));
    }

    /** A request an allocation run excluded, with its reasons. */
    public static JsonNode excludedRequest(JsonNode run, String requestId) {
        for (JsonNode e : run.path("excluded")) {
            if (e.path("requestId").asString().equals(requestId)) {
                return e;
            }
        }
        throw new AssertionError("request " + requestId + " is not excluded in " + run.path("id"));
    }

    public static String requestId(Accounts.SignedIn patient, Map<String, Object> body) {
        return Registry.request(patient, body).path("id").asString();
    }

    /** A match run the coordinator asked for (201 expected). */
    public static JsonNode run(Accounts.SignedIn coordinator, String requestId) {
        var run =
                coordinator
                        .client()
                        .post("/api/v1/transplant-requests/" + requestId + "/match-runs", "{}");
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        return run.json();
    }

    public static JsonNode candidate(JsonNode run, String pledgeId) {
        for (JsonNode c : run.path("candidates")) {
            if (c.path("pledgeId").asString().equals(pledgeId)) {
                return c;
            }
        }
        throw new AssertionError("pledge " + pledgeId + " is not a candidate of " + run);
    }

    public static JsonNode exclusion(JsonNode run, String pledgeId) {
        for (JsonNode e : run.path("excluded")) {
            if (e.path("pledgeId").asString().equals(pledgeId)) {
                return e;
            }
        }
        throw new AssertionError("pledge " + pledgeId + " is not excluded in " + run);
    }

    /** The run's proposal of the pledge, as the run lists it. */
    public static String proposal(JsonNode run, String pledgeId) {
        for (JsonNode p : run.path("proposals")) {
            if (p.path("pledgeId").asString().equals(pledgeId)) {
                return p.path("matchId").asString();
            }
        }
        throw new AssertionError("pledge " + pledgeId + " was not proposed in " + run);
    }

    /** An AB liver donor and an AB liver patient at a fresh place, and a run proposing the pair. */
    public record LivePair(
            Place place,
            Accounts.SignedIn donor,
            Accounts.SignedIn patient,
            String pledgeId,
            String requestId,
            JsonNode run,
            String matchId) {}

    public static LivePair livePair(Accounts.SignedIn coordinator) {
        Place at = place();
        Accounts.SignedIn donor = donor(at, "AB+", PATIENT_HLA);
        String pledgeId = verifiedPledge(donor, Registry.liverPledge(), coordinator);
        Accounts.SignedIn patient = patient(at, "AB+", PATIENT_HLA, List.of());
        String requestId = requestId(patient, Registry.liverRequest());
        JsonNode run = run(coordinator, requestId);
        return new LivePair(at, donor, patient, pledgeId, requestId, run, proposal(run, pledgeId));
    }
}
