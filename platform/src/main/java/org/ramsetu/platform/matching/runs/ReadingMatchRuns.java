package org.ramsetu.platform.matching.runs;

import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.matching.CoordinatorOnly;
import org.ramsetu.platform.matching.MatchingAuditActions;
import org.ramsetu.platform.matching.matches.Matches;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.RunListSize;
import org.ramsetu.platform.registry.patients.PatientProfile;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.registry.requests.TransplantRequest;
import org.ramsetu.platform.registry.requests.TransplantRequests;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;

/**
 * Match runs as coordinators read them; each read is audited (a run holds the medical facts of the
 * patient and of every candidate donor).
 */
public class ReadingMatchRuns {

    private final MatchRuns runs;
    private final Matches matches;
    private final RecordAccess access;
    private final int defaultList;
    private final CandidateDonors donors;
    private final PatientProfiles patients;
    private final TransplantRequests requests;

    ReadingMatchRuns(
            MatchRuns runs,
            Matches matches,
            RecordAccess access,
            int defaultList,
            CandidateDonors donors,
            PatientProfiles patients,
            TransplantRequests requests) {
        this.runs = runs;
        this.matches = matches;
        this.access = access;
        this.defaultList = defaultList;
        this.donors = donors;
        this.patients = patients;
        this.requests = requests;
    }

    /**
     * A transplant request's match runs, newest first, counted: when each ranked, how (model or
     * degraded), how many it ranked and excluded; each opens as a run.
     *
     * @throws DomainException NotFound for an unknown request or one the caller may not know of,
     *     Forbidden for the request's own patient
     */
    public Page<MatchRunSummary> ofRequest(CurrentUser user, UUID requestId, PageRequest page) {
        Optional<TransplantRequest> request = requests.find(new RequestId(requestId));
        CoordinatorOnly.require(
                user,
                request.map(r -> user.owns(r.patientId())).orElse(false),
                "transplant request",
                requestId,
                "list match runs");
        if (request.isEmpty()) {
            throw new NotFound("transplant request", requestId);
        }
        return Page.of(
                        runs.ofRequest(requestId, page),
                        page.limit(),
                        r -> new Cursor(r.createdAt(), r.id()))
                .withTotal(runs.countOfRequest(requestId));
    }

    /**
     * @param fromRank the rank of the first candidate shown (default 1)
     * @param candidates how many of the ranked candidates to show (default: the configured head)
     * @param excluded how many of the exclusions to show
     * @throws DomainException NotFound for an unknown run or one the caller may not know of,
     *     Forbidden for the patient whose request it ranked
     */
    public MatchRunView one(
            CurrentUser user, UUID id, Integer fromRank, Integer candidates, Integer excluded) {
        int from = RunListSize.firstRank(fromRank);
        int c = RunListSize.checked("candidates", candidates, defaultList);
        int e = RunListSize.checked("excluded", excluded, defaultList);
        Optional<UUID> patient = runs.patientOf(id);
        // Owners pass RecordAccess too (it is their request): they are refused just after.
        access.read(
                user,
                MatchingAuditActions.RUN,
                id,
                patient,
                owner -> owner,
                RecordAccess.Sensitivity.MEDICAL);
        CoordinatorOnly.require(user, true, MatchingAuditActions.RUN, id, "read match runs");
        MatchRun run = runs.find(id, from, c, e).orElseThrow(() -> new NotFound("match run", id));
        return donors.view(
                run,
                matches.ofRun(id),
                runs.rescoredBy(id).orElse(null),
                patient.flatMap(patients::find).map(PatientProfile::hla).orElse(null));
    }
}
