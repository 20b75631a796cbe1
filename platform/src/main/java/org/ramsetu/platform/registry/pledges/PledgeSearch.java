package org.ramsetu.platform.registry.pledges;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * What a match run's search found among every pledge of the organ: the verified pledges it may
 * rank, and how many of the others it set aside, by reason, so that found + set aside = every
 * pledge of the organ as of the same moment.
 *
 * @param setAside by reason, in a fixed order and with zeros: the pledges not verified by their
 *     status ({@code PENDING}, {@code REJECTED}, {@code WITHDRAWN}, {@code DONATED}), then {@code
 *     BLOOD_GROUP_NEVER_ALLOWED} (a donor group the organ's policy never allows for the patient)
 *     and {@code OUT_OF_REACH} (a donor outside the box the organ can reach in time)
 */
@NamedInterface("pledges")
public record PledgeSearch(List<VerifiedPledge> found, Map<String, Integer> setAside) {

    public static final String BLOOD_GROUP_NEVER_ALLOWED = "BLOOD_GROUP_NEVER_ALLOWED";
    public static final String OUT_OF_REACH = "OUT_OF_REACH";

    public PledgeSearch {
        found = List.copyOf(found);
        setAside = Collections.unmodifiableMap(new LinkedHashMap<>(setAside));
    }

    /** Every pledge of the organ: found and set aside. */
    public int pledges() {
        return found.size() + setAside.values().stream().mapToInt(Integer::intValue).sum();
    }
}
