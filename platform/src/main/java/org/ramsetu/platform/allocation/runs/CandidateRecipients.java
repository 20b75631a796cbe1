package org.ramsetu.platform.allocation.runs;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.registry.requests.ListedPatients;
import org.ramsetu.platform.registry.requests.RequestId;

/** The patients of the requests a run shows, read in one query for the page. */
class CandidateRecipients {

    private final ListedPatients patients;

    CandidateRecipients(ListedPatients patients) {
        this.patients = patients;
    }

    /** The run as shown, with the patients of the candidates it shows. */
    AllocationRunView view(
            AllocationRun run,
            @Nullable UUID rescoredBy,
            int fromRank,
            int candidates,
            int excluded) {
        return AllocationRunView.of(
                run, rescoredBy, fromRank, candidates, excluded, shown -> of(run, shown));
    }

    private List<CandidateRecipient> of(AllocationRun run, List<CandidateView> shown) {
        Set<RequestId> ids = new LinkedHashSet<>();
        shown.forEach(c -> ids.add(new RequestId(c.requestId())));
        Map<RequestId, ListedPatients.ListedPatient> found = patients.of(ids);
        LocalDate day = LocalDate.ofInstant(run.createdAt(), ZoneOffset.UTC);
        List<CandidateRecipient> recipients = new ArrayList<>(found.size());
        for (RequestId id : ids) {
            ListedPatients.ListedPatient p = found.get(id);
            if (p != null) {
                recipients.add(
                        new CandidateRecipient(
                                id.value(),
                                Period.between(p.dateOfBirth(), day).getYears(),
                                p.sex(),
                                p.bloodGroup(),
                                p.heightCm(),
                                p.weightKg(),
                                p.hla()));
            }
        }
        return recipients;
    }
}
