package org.ramsetu.platform.allocation.policies;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ramsetu.core.allocation.AllocationPolicy;
import org.ramsetu.core.allocation.GroupKey;
import org.ramsetu.core.allocation.Longevity;
import org.ramsetu.core.allocation.MeldFormula;
import org.ramsetu.core.allocation.OrganRules;
import org.ramsetu.core.allocation.PointWeights;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.crypto.Sha256;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one policy file into the clinical core's {@link AllocationPolicy}. Every problem is an
 * {@link IllegalArgumentException} naming the file and the field, e.g. {@code
 * allocation-policies/x.json: organs.KIDNEY.points.hla is required}.
 */
public final class PolicyReader {

    private static final JsonMapper JSON =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build();

    private PolicyReader() {}

    public static LoadedPolicy read(String source, byte[] content) {
        PolicyFile file;
        try {
            file = JSON.readValue(content, PolicyFile.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    source + ": not a policy file: " + e.getOriginalMessage(), e);
        }
        try {
            PolicyFile canonical = canonical(file, source);
            AllocationPolicy policy = toCore(canonical, source);
            String json = JSON.writeValueAsString(canonical);
            String sha =
                    HexFormat.of()
                            .formatHex(
                                    Sha256.of(
                                            json.getBytes(
                                                    java.nio.charset.StandardCharsets.UTF_8)));
            return new LoadedPolicy(policy, json, sha);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage().startsWith(source)
                            ? e.getMessage()
                            : source + ": " + e.getMessage(),
                    e);
        }
    }

    /** Organs in a fixed order, so that the digest depends on the content only. */
    private static PolicyFile canonical(PolicyFile file, String source) {
        if (file.organs() == null) {
            throw new IllegalArgumentException(source + ": organs is required");
        }
        Map<String, PolicyFile.OrganFile> organs = new TreeMap<>();
        file.organs()
                .forEach(
                        (name, rules) -> {
                            Organ organ = organ(name, source);
                            organs.put(organ.name(), rules);
                        });
        return new PolicyFile(file.id(), file.description(), organs);
    }

    private static AllocationPolicy toCore(PolicyFile file, String source) {
        Map<Organ, OrganRules> organs = new EnumMap<>(Organ.class);
        file.organs()
                .forEach(
                        (name, rules) ->
                                organs.put(Organ.valueOf(name), organ(Organ.valueOf(name), rules)));
        return new AllocationPolicy(file.id(), file.description(), organs);
    }

    private static OrganRules organ(Organ organ, PolicyFile.OrganFile f) {
        String at = "organs." + organ.name();
        if (f == null) {
            throw new IllegalArgumentException(at + " is required");
        }
        List<GroupKey> groups = new ArrayList<>();
        for (String g : required(at + ".groups", f.groups())) {
            groups.add(named(at + ".groups", g, GroupKey.class));
        }
        PolicyFile.PointsFile p = required(at + ".points", f.points());
        String pt = at + ".points.";
        PointWeights points =
                new PointWeights(
                        required(pt + "waitingPerYear", p.waitingPerYear()),
                        required(pt + "hla", p.hla()),
                        required(pt + "sensitisation", p.sensitisation()),
                        required(pt + "sensitisationFullAt", p.sensitisationFullAt()),
                        required(pt + "distance", p.distance()),
                        required(pt + "distanceCapKm", p.distanceCapKm()),
                        required(pt + "ml", p.ml()));
        Longevity longevity = null;
        if (f.longevity() != null) {
            longevity =
                    new Longevity(
                            required(at + ".longevity.kdpiMax", f.longevity().kdpiMax()),
                            required(at + ".longevity.eptsMax", f.longevity().eptsMax()));
        }
        MeldFormula meld =
                f.meld() == null ? null : named(at + ".meld", f.meld(), MeldFormula.class);
        return new OrganRules(
                organ,
                groups,
                required(at + ".distanceBandsKm", f.distanceBandsKm()),
                meld,
                longevity,
                points);
    }

    private static Organ organ(String name, String source) {
        try {
            return Organ.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    source
                            + ": organs."
                            + name
                            + " is not an organ (HEART, LIVER, KIDNEY, CORNEA)");
        }
    }

    private static <E extends Enum<E>> E named(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw new IllegalArgumentException(
                    field + ": " + value + " is not one of " + String.join(", ", names));
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
