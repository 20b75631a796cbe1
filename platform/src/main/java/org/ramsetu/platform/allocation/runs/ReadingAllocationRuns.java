package org.ramsetu.platform.allocation.runs;

import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.allocation.AllocationAuditActions;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.matching.CoordinatorOnly;
import org.ramsetu.platform.records.RunListSize;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;

/**
 * Allocation runs as coordinators read them; each read is audited (a run holds the medical facts of
 * the donor and of every waiting patient).
 */
public class ReadingAllocationRuns {

    private final AllocationRuns runs;
    private final RecordAccess access;
    private final int defaultList;

    public ReadingAllocationRuns(AllocationRuns runs, RecordAccess access, int defaultList) {
        this.runs = runs;
        this.access = access;
        this.defaultList = defaultList;
    }

    /**
     * @throws DomainException NotFound for an unknown run or one the caller may not know of,
     *     Forbidden for the donor whose pledge it allocated, InvalidInput for a list size out of
     *     range
     */
    public AllocationRunView one(CurrentUser user, UUID id, Integer candidates, Integer excluded) {
        int c = RunListSize.checked("candidates", candidates, defaultList);
        int e = RunListSize.checked("excluded", excluded, defaultList);
        Optional<UUID> donor = runs.donorOf(id);
        access.read(
                user,
                AllocationAuditActions.RUN,
                id,
                donor,
                owner -> owner,
                RecordAccess.Sensitivity.MEDICAL);
        CoordinatorOnly.require(user, true, AllocationAuditActions.RUN, id, "read allocation runs");
        AllocationRun run = runs.find(id).orElseThrow(() -> new NotFound("allocation run", id));
        return AllocationRunView.of(run, runs.rescoredBy(id).orElse(null), c, e);
    }
}
