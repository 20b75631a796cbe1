package org.ramsetu.core.allocation;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.Require;
import org.ramsetu.core.organ.Organ;

/**
 * A versioned allocation policy: for every organ, its ordered groups and points. Policies are data
 * (the platform loads them from files); a run records the id and a digest of the content it used,
 * so that a later policy never changes how an existing run reads.
 *
 * @param id e.g. {@code allocation/ramsetu-2026-1}
 */
public record AllocationPolicy(String id, String description, Map<Organ, OrganRules> organs) {

    private static final Pattern ID = Pattern.compile("allocation/[a-z0-9][a-z0-9.-]{0,58}");

    public AllocationPolicy {
        Require.nonBlank("id", id);
        if (!ID.matcher(id).matches()) {
            throw new InvalidClinicalValueException(
                    "id",
                    "policy id must look like allocation/ramsetu-2026-1 (lower case, digits, '.'"
                            + " and '-'; was "
                            + id
                            + ")");
        }
        Require.nonBlank("description", description);
        Require.present("organs", organs);
        EnumMap<Organ, OrganRules> copy = new EnumMap<>(Organ.class);
        for (Organ organ : Organ.values()) {
            OrganRules rules = organs.get(organ);
            if (rules == null) {
                throw new InvalidClinicalValueException(
                        "organs", "policy " + id + " has no rules for " + organ);
            }
            if (rules.organ() != organ) {
                throw new InvalidClinicalValueException(
                        "organs",
                        "policy " + id + " lists " + rules.organ() + " rules as " + organ);
            }
            copy.put(organ, rules);
        }
        organs = Map.copyOf(copy);
    }

    public OrganRules rules(Organ organ) {
        return organs.get(organ);
    }
}
