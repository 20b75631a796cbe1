package org.ramsetu.platform.allocation.runs;

import java.util.List;
import java.util.UUID;
import org.ramsetu.platform.allocation.AllocationAuditActions;
import org.ramsetu.platform.donation.DonationCaseId;
import org.ramsetu.platform.donation.RecoveredOrgans;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.matching.CoordinatorOnly;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.RunListSize;
import org.ramsetu.platform.registry.requests.ListedPatients;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;

/**
 * Allocation runs as coordinators read them; each read is audited (a run holds the medical facts of
 * the donor and of every waiting patient).
 */
public class ReadingAllocationRuns {

    private final AllocationRuns runs;
    private final RecoveredOrgans cases;
    private final RecordAccess access;
    private final int defaultList;
    private final CandidateRecipients recipients;

    public ReadingAllocationRuns(
            AllocationRuns runs,
            RecoveredOrgans cases,
            RecordAccess access,
            int defaultList,
            ListedPatients patients) {
        this.runs = runs;
        this.cases = cases;
        this.access = access;
        this.defaultList = defaultList;
        this.recipients = new CandidateRecipients(patients);
    }

    /**
     * A donation case's allocation runs, newest first (coordinators only).
     *
     * @throws DomainException NotFound for an unknown case, or for anyone but a coordinator
     */
    public List<CaseRunView> ofCase(CurrentUser user, UUID caseId) {
        requireCase(user, caseId);
        return runs.ofCase(caseId);
    }

    /**
     * A page of them, newest first, counted.
     *
     * @throws DomainException as {@link #ofCase(CurrentUser, UUID)}
     */
    public Page<CaseRunView> ofCase(CurrentUser user, UUID caseId, PageRequest page) {
        requireCase(user, caseId);
        return Page.of(
                        runs.ofCase(caseId, page),
                        page.limit(),
                        r -> new Cursor(r.createdAt(), r.id()))
                .withTotal(runs.countOfCase(caseId));
    }

    private void requireCase(CurrentUser user, UUID caseId) {
        CoordinatorOnly.require(user, false, "donation case", caseId, "read allocation runs");
        if (!cases.exists(new DonationCaseId(caseId))) {
            throw new NotFound("donation case", caseId);
        }
    }

    /**
     * @throws DomainException NotFound for an unknown run or one the caller may not know of,
     *     Forbidden for the donor whose pledge it allocated, InvalidInput for a list size or a
     *     first rank out of range
     */
    public AllocationRunView one(
            CurrentUser user, UUID id, Integer fromRank, Integer candidates, Integer excluded) {
        int from = RunListSize.firstRank(fromRank);
        int c = RunListSize.checked("candidates", candidates, defaultList);
        int e = RunListSize.checked("excluded", excluded, defaultList);
        access.read(
                user,
                AllocationAuditActions.RUN,
                id,
                runs.ownerOf(id),
                AllocationRuns.RunOwner::donor,
                RecordAccess.Sensitivity.MEDICAL);
        CoordinatorOnly.require(user, true, AllocationAuditActions.RUN, id, "read allocation runs");
        AllocationRun run = runs.find(id).orElseThrow(() -> new NotFound("allocation run", id));
        return recipients.view(run, runs.rescoredBy(id).orElse(null), from, c, e);
    }
}
