package org.ramsetu.platform.registry.pledges;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ramsetu.core.donor.CorneaTests;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.HeartTests;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.LiverTests;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-organ test results between the request, the clinical core and the {@code tests} column. The
 * core checks every value (ranges, units after conversion) when results come in and again when they
 * are read back.
 */
final class PledgeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PledgeTests() {}

    /**
     * @throws DomainException InvalidInput naming the field of an invalid value, or results given
     *     for another organ than the one pledged
     */
    static DonorTests from(Organ organ, CreatePledgeRequest request) {
        Map<Organ, Object> given = new LinkedHashMap<>();
        given.put(Organ.KIDNEY, request.kidney());
        given.put(Organ.LIVER, request.liver());
        given.put(Organ.HEART, request.heart());
        given.put(Organ.CORNEA, request.cornea());
        given.forEach(
                (other, results) -> {
                    if (other != organ && results != null) {
                        throw InvalidInput.field(
                                field(other),
                                "a "
                                        + organ
                                        + " pledge takes "
                                        + field(organ)
                                        + " test results only");
                    }
                });
        return switch (organ) {
            case KIDNEY ->
                    (request.kidney() == null
                                    ? new KidneyTestResults(null, null, null, null)
                                    : request.kidney())
                            .toCore();
            case LIVER ->
                    (request.liver() == null
                                    ? new LiverTestResults(null, null, null, null, null)
                                    : request.liver())
                            .toCore();
            case HEART ->
                    (request.heart() == null
                                    ? new HeartTestResults(null, null, null, null, null)
                                    : request.heart())
                            .toCore();
            case CORNEA ->
                    (request.cornea() == null
                                    ? new CorneaTestResults(null, null, null, null, null, null)
                                    : request.cornea())
                            .toCore();
        };
    }

    /** The results as the API shows them: canonical units, enum names. */
    static Object body(DonorTests tests) {
        // Java 17: no pattern matching in switch yet; DonorTests is sealed to these four.
        if (tests instanceof KidneyTests t) {
            return KidneyTestResults.of(t);
        } else if (tests instanceof LiverTests t) {
            return LiverTestResults.of(t);
        } else if (tests instanceof HeartTests t) {
            return HeartTestResults.of(t);
        }
        return CorneaTestResults.of((CorneaTests) tests);
    }

    static String toJson(DonorTests tests) {
        return JSON.writeValueAsString(body(tests));
    }

    static DonorTests fromJson(Organ organ, String json) {
        return switch (organ) {
            case KIDNEY -> JSON.readValue(json, KidneyTestResults.class).toCore();
            case LIVER -> JSON.readValue(json, LiverTestResults.class).toCore();
            case HEART -> JSON.readValue(json, HeartTestResults.class).toCore();
            case CORNEA -> JSON.readValue(json, CorneaTestResults.class).toCore();
        };
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String field(Organ organ) {
        return organ.name().toLowerCase(Locale.ROOT);
    }
}
