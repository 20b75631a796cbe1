package org.ramsetu.platform.registry.pledges;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.donor.CorneaTests;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.HeartTests;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.LiverTests;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.InvalidInput;
import org.springframework.modulith.NamedInterface;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Organ test results in the shape, units and checks pledges take them, for other records that
 * assess a donor's organs: a donation case's assessments at recovery. One object per organ, each
 * optional, e.g. {@code {"liver": {"bilirubin": {"value": 0.8, "unit": "mg/dL"}, "liverFunction":
 * "NORMAL"}}}.
 */
@NamedInterface("pledges")
public record OrganTestResults(
        @Nullable KidneyTestResults kidney,
        @Nullable LiverTestResults liver,
        @Nullable HeartTestResults heart,
        @Nullable CorneaTestResults cornea) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static final OrganTestResults NONE = new OrganTestResults(null, null, null, null);

    /**
     * The results given, checked by the clinical core, by organ.
     *
     * @param field the path of this object in the request: errors name e.g. {@code
     *     assessments.liver.bilirubin}
     * @throws org.ramsetu.platform.kernel.DomainException InvalidInput naming the first wrong value
     */
    public Map<Organ, DonorTests> toCore(String field) {
        Map<Organ, DonorTests> tests = new EnumMap<>(Organ.class);
        if (kidney != null) {
            tests.put(Organ.KIDNEY, under(field, kidney::toCore));
        }
        if (liver != null) {
            tests.put(Organ.LIVER, under(field, liver::toCore));
        }
        if (heart != null) {
            tests.put(Organ.HEART, under(field, heart::toCore));
        }
        if (cornea != null) {
            tests.put(Organ.CORNEA, under(field, cornea::toCore));
        }
        return tests;
    }

    /** Results as responses show them: canonical units, enum names. */
    public static OrganTestResults of(Map<Organ, DonorTests> tests) {
        return new OrganTestResults(
                tests.get(Organ.KIDNEY) instanceof KidneyTests k ? KidneyTestResults.of(k) : null,
                tests.get(Organ.LIVER) instanceof LiverTests l ? LiverTestResults.of(l) : null,
                tests.get(Organ.HEART) instanceof HeartTests h ? HeartTestResults.of(h) : null,
                tests.get(Organ.CORNEA) instanceof CorneaTests c ? CorneaTestResults.of(c) : null);
    }

    /** As stored: a JSON object keyed by organ name, each value as a pledge stores its tests. */
    public static String toJson(Map<Organ, DonorTests> tests) {
        ObjectNode stored = JSON.createObjectNode();
        tests.forEach(
                (organ, t) -> stored.set(organ.name(), JSON.valueToTree(PledgeTests.body(t))));
        return JSON.writeValueAsString(stored);
    }

    /** Read back and checked again by the clinical core. */
    public static Map<Organ, DonorTests> fromJson(String json) {
        Map<Organ, DonorTests> tests = new EnumMap<>(Organ.class);
        JsonNode stored = JSON.readTree(json);
        for (Organ organ : Organ.values()) {
            JsonNode value = stored.get(organ.name());
            if (value != null) {
                tests.put(organ, PledgeTests.fromJson(organ, JSON.writeValueAsString(value)));
            }
        }
        return tests;
    }

    /** The checks name fields from the organ on ({@code liver.inr}); the request has a prefix. */
    private static <T> T under(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidClinicalValueException e) {
            throw new InvalidClinicalValueException(field + "." + e.field(), e.getMessage());
        } catch (InvalidInput e) {
            if (!e.namesFields()) {
                throw e;
            }
            Map<String, String> renamed = new LinkedHashMap<>();
            e.fieldErrors().forEach((name, message) -> renamed.put(field + "." + name, message));
            throw InvalidInput.fields(renamed);
        }
    }
}
