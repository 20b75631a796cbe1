package org.ramsetu.platform.matching.runs;

import java.util.List;
import java.util.UUID;

/** A pledge the hard filters removed from a run, with every reason. */
public record RunExclusion(UUID pledgeId, List<Reason> reasons) {

    /**
     * @param code a stable reason code, e.g. {@code ABO_INCOMPATIBLE}, {@code ISCHEMIA_EXCEEDED}
     * @param detail the numbers behind it, e.g. {@code donor O to recipient B not allowed for
     *     kidney}
     */
    public record Reason(String code, String detail) {}
}
