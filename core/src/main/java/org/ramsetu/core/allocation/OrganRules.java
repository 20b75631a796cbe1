package org.ramsetu.core.allocation;

import java.util.HashSet;
import java.util.List;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.Require;
import org.ramsetu.core.organ.Organ;

/**
 * How one organ is allocated: the ordered groups, the distance bands, the liver's MELD formula, the
 * kidney's longevity limits and the points inside the last group.
 *
 * @param distanceBandsKm ascending upper limits; band 0 is up to the first, the last band is beyond
 *     the last limit
 * @param meld required when {@code groups} has {@link GroupKey#MELD}, else null
 * @param longevity required when {@code groups} has {@link GroupKey#LONGEVITY}, else null
 */
public record OrganRules(
        Organ organ,
        List<GroupKey> groups,
        List<Double> distanceBandsKm,
        MeldFormula meld,
        Longevity longevity,
        PointWeights points) {

    public OrganRules {
        Require.present("organ", organ);
        String at = organ.name().toLowerCase(java.util.Locale.ROOT);
        groups = List.copyOf(Require.present(at + ".groups", groups));
        distanceBandsKm = List.copyOf(Require.present(at + ".distanceBandsKm", distanceBandsKm));
        Require.present(at + ".points", points);
        if (new HashSet<>(groups).size() != groups.size()) {
            throw invalid(at + ".groups", "lists a group twice: " + groups);
        }
        for (GroupKey g : groups) {
            if (!g.appliesTo(organ)) {
                throw invalid(at + ".groups", g + " does not apply to " + organ);
            }
        }
        double previous = 0;
        for (Double limit : distanceBandsKm) {
            if (limit == null || !(limit > previous) || limit > 20_000) {
                throw invalid(
                        at + ".distanceBandsKm",
                        "band limits must ascend, each above 0 and at most 20000 km: "
                                + distanceBandsKm);
            }
            previous = limit;
        }
        if (groups.contains(GroupKey.DISTANCE_BAND) && distanceBandsKm.isEmpty()) {
            throw invalid(at + ".distanceBandsKm", "DISTANCE_BAND needs at least one band limit");
        }
        if (groups.contains(GroupKey.MELD) != (meld != null)) {
            throw invalid(at + ".meld", "a MELD formula is set exactly when MELD is a group");
        }
        if (groups.contains(GroupKey.LONGEVITY) != (longevity != null)) {
            throw invalid(
                    at + ".longevity",
                    "longevity limits are set exactly when LONGEVITY is a group");
        }
    }

    /** 0 for the nearest band; {@code distanceBandsKm.size()} beyond the last limit. */
    public int band(double distanceKm) {
        for (int i = 0; i < distanceBandsKm.size(); i++) {
            if (distanceKm <= distanceBandsKm.get(i)) {
                return i;
            }
        }
        return distanceBandsKm.size();
    }

    /** A band as people read it, e.g. {@code ≤250 km} or {@code >1500 km}. */
    public String bandLabel(int band) {
        return band < distanceBandsKm.size()
                ? "≤" + Math.round(distanceBandsKm.get(band)) + " km"
                : ">" + Math.round(distanceBandsKm.get(distanceBandsKm.size() - 1)) + " km";
    }

    private static InvalidClinicalValueException invalid(String field, String message) {
        return new InvalidClinicalValueException(field, field + ": " + message);
    }
}
