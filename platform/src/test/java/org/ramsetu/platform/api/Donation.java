package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.api.Registry.json;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Deceased donation as a coordinator records it: a case with the donor record at donation, the
 * organs' recovery, an allocation run of a recovered organ, and offers of it to candidates'
 * centres. Cases are opened by a coordinator of these fixtures' own ({@link #coordinator()}), so
 * that the per-user API limit of one test's coordinator does not spill into another's.
 */
public final class Donation {

    public static final String CASES = "/api/v1/admin/donation-cases";

    /** The deadline of a kidney offer on the shared instance (PlatformInstance sets it). */
    public static final Duration OFFER_RESPONSE = Duration.ofSeconds(15);

    private static Accounts.SignedIn coordinator;

    private Donation() {}

    /** The coordinator who opens the cases of these fixtures, signed in on first use. */
    public static synchronized Accounts.SignedIn coordinator() {
        if (coordinator == null) {
            coordinator = Accounts.coordinator();
        }
        return coordinator;
    }

    /** A 52-year-old who died of a stroke after circulatory death, two hours ago. */
    public static Map<String, Object> strokeAfterCirculatoryDeath() {
        return json(
                "ageYears",
                52,
                "sex",
                "MALE",
                "heightCm",
                170.0,
                "weightKg",
                80.0,
                "bloodGroup",
                "O+",
                "hla",
                json("a", List.of("A2", "A24"), "b", List.of("B7", "B44"), "dr", List.of("DR15")),
                "causeOfDeath",
                "CEREBROVASCULAR",
                "pathway",
                "DCD",
                "terminalCreatinine",
                json("value", 1.8, "unit", "mg/dL"),
                "hypertension",
                true,
                "diabetes",
                false,
                "serology",
                json("hcv", "NEGATIVE", "hbv", "NEGATIVE", "hiv", "PENDING"),
                "declaredDeadAt",
                hoursAgo(2),
                "hospital",
                json(
                        "name", "Sassoon General Hospital",
                        "city", "Pune",
                        "state", "Maharashtra",
                        "latitude", 18.5196,
                        "longitude", 73.8711),
                "organsConsented",
                List.of("KIDNEY", "LIVER"));
    }

    public static String hoursAgo(int hours) {
        return Instant.now()
                .minus(hours, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    /** A case at the place, its donor typed like {@link Matching#PATIENT_HLA}. */
    public static String caseAt(
            Matching.Place at, String bloodGroup, Instant dead, List<String> organs) {
        return caseAt(at, bloodGroup, dead, organs, Matching.PATIENT_HLA);
    }

    /** A case at the place, its donor typed with the antigens given. */
    public static String caseAt(
            Matching.Place at,
            String bloodGroup,
            Instant dead,
            List<String> organs,
            List<String> hla) {
        var opened = openOnFamilyConsent(coordinator(), record(at, bloodGroup, dead, organs, hla));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("id");
    }

    /** A case the coordinator opens on a family's consent, with the record given; unchecked. */
    public static ApiClient.Response openOnFamilyConsent(
            Accounts.SignedIn coordinator, Map<String, Object> record) {
        return coordinator.client().post(CASES, json("consent", "FAMILY", "record", record));
    }

    /** The donor record {@link #caseAt} opens a case with, to amend it from. */
    public static Map<String, Object> record(
            Matching.Place at,
            String bloodGroup,
            Instant dead,
            List<String> organs,
            List<String> hla) {
        Map<String, Object> record = strokeAfterCirculatoryDeath();
        record.put("bloodGroup", bloodGroup);
        record.put("hla", Matching.hla(hla));
        record.put("declaredDeadAt", dead.toString());
        record.put(
                "hospital",
                json(
                        "name", "Civil Hospital " + at.city(),
                        "city", at.city(),
                        "state", at.state(),
                        "latitude", at.latitude(),
                        "longitude", at.longitude()));
        record.put("organsConsented", organs);
        return record;
    }

    public static ApiClient.Response recover(String caseId, List<String> organs, Instant clamp) {
        return recover(coordinator(), caseId, organs, clamp.toString());
    }

    /** The coordinator records the case's recovery: the organs, and when the clamp went on. */
    public static ApiClient.Response recover(
            Accounts.SignedIn coordinator,
            String caseId,
            List<String> organs,
            String crossClampAt) {
        return coordinator
                .client()
                .post(
                        CASES + "/" + caseId + "/recovery",
                        json("organsRecovered", organs, "crossClampAt", crossClampAt));
    }

    public static ApiClient.Response allocate(String caseId, String organ) {
        return coordinator()
                .client()
                .post(CASES + "/" + caseId + "/allocation-runs", json("organ", organ));
    }

    /**
     * HLA typings no other test gives a patient: a donor with one of them is a zero-mismatch only
     * for the candidates of the scenario that uses it, so they lead its kidney's list.
     */
    private static final List<List<String>> TYPINGS =
            List.of(
                    List.of("A29", "A30", "B57", "B58", "DR13", "DR14"),
                    List.of("A31", "A32", "B51", "B52", "DR11", "DR12"),
                    List.of("A33", "A34", "B37", "B38", "DR15", "DR16"),
                    List.of("A36", "A43", "B39", "B41", "DR1", "DR7"),
                    List.of("A66", "A68", "B45", "B46", "DR8", "DR9"),
                    List.of("A69", "A74", "B47", "B48", "DR10", "DR17"),
                    List.of("A23", "A25", "B53", "B54", "DR13", "DR18"),
                    List.of("A26", "A80", "B55", "B56", "DR14", "DR18"));

    private static final AtomicInteger NEXT_TYPING = new AtomicInteger();

    /** A typing of its own for one scenario. */
    public static List<String> typing() {
        int i = NEXT_TYPING.getAndIncrement();
        if (i >= TYPINGS.size()) {
            throw new IllegalStateException("add typings: each scenario needs one of its own");
        }
        return TYPINGS.get(i);
    }

    /** A patient waiting for a kidney, listed and verified at their own centre. */
    public record Candidate(
            String requestId, Accounts.SignedIn centre, Accounts.SignedIn patient) {}

    public static Candidate candidate(Matching.Place at, List<String> hla, String dialysisSince) {
        var patient = Matching.patient(at, "O+", hla, List.of());
        var created =
                patient.client()
                        .post("/api/v1/transplant-requests", Registry.kidneyRequest(dialysisSince));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Accounts.SignedIn centre = Registry.coordinatorAtHospitalOf(patient);
        Registry.verified(created.json(), centre);
        return new Candidate(created.text("id"), centre, patient);
    }

    /** A recovered kidney of a donor typed like the candidates, at their place; its run's id. */
    public static String kidneyRun(Matching.Place at, List<String> hla) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String caseId = caseAt(at, "O+", now.minus(3, ChronoUnit.HOURS), List.of("KIDNEY"), hla);
        var recovered = recover(caseId, List.of("KIDNEY"), now.minus(2, ChronoUnit.HOURS));
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        var run = allocate(caseId, "KIDNEY");
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        return run.text("id");
    }

    /** An offer awaiting an answer, and a coordinator of the centre it was made to. */
    public record OpenOffer(String offerId, Accounts.SignedIn centre) {}

    /** A fresh kidney offered to a fresh candidate of their own typing (for contract tests). */
    public static OpenOffer openOffer() {
        Matching.Place at = new Matching.Place("Nagpur", "Maharashtra", 21.1458, 79.0882);
        List<String> hla = typing();
        Candidate only = candidate(at, hla, "2019-01-01");
        JsonNode offer = startOffers(coordinator(), kidneyRun(at, hla)).path("offers").get(0);
        assertThat(offer.path("requestId").asString()).isEqualTo(only.requestId());
        return new OpenOffer(offer.path("id").asString(), only.centre());
    }

    /** Offering the run's organ started by the coordinator: the sequence and its first offers. */
    public static JsonNode startOffers(Accounts.SignedIn offering, String runId) {
        var started =
                offering.client().post("/api/v1/admin/allocation-runs/" + runId + "/offers", "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json();
    }
}
