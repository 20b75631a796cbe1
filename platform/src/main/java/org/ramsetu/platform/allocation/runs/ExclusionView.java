package org.ramsetu.platform.allocation.runs;

import java.util.List;
import java.util.UUID;

/** A waiting request the hard filters removed, with every reason. */
public record ExclusionView(UUID requestId, List<Reason> reasons) {

    /**
     * @param code e.g. {@code ABO_INCOMPATIBLE}, {@code UNACCEPTABLE_ANTIGEN}
     */
    public record Reason(String code, String detail) {}
}
