package org.ramsetu.platform.allocation.runs;

import java.time.Instant;
import java.util.Map;
import org.ramsetu.core.allocation.AllocationResult;
import org.ramsetu.platform.allocation.policies.LoadedPolicy;
import org.ramsetu.platform.rankingruns.ComputedRun;

/**
 * A run computed but not yet recorded.
 *
 * @param waitingCount how many waiting requests the list held
 * @param degradedCause why the ML score was not used; null unless degraded
 * @param timings milliseconds per stage of the computation, in order
 */
record Computed(
        OfferedOrgan organ,
        LoadedPolicy policy,
        Instant asOf,
        int waitingCount,
        AllocationResult result,
        String degradedCause,
        RunSettings settings,
        long durationMillis,
        Map<String, Long> timings)
        implements ComputedRun {

    @Override
    public boolean degraded() {
        return result.degraded();
    }
}
