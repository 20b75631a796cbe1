package org.ramsetu.core.allocation;

import java.util.Map;
import org.ramsetu.core.ranking.PreparedRun;
import org.ramsetu.core.scores.MeldScore;

/**
 * The waiting list after the hard filters: the eligible candidates (to be scored by the model) and
 * the excluded with every reason, plus what ordering needs besides.
 *
 * @param run eligible and excluded candidates; candidate ids are (request id, donor id)
 * @param epts EPTS percentiles by request id (kidney candidates whose EPTS is known)
 * @param meld the policy's MELD by request id (liver)
 */
public record PreparedAllocation(
        AllocationPolicy policy,
        AllocationDonor donor,
        PreparedRun run,
        Map<String, Integer> epts,
        Map<String, MeldScore> meld) {}
