package org.ramsetu.platform.allocation.runs;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;

/**
 * An allocation run as coordinators read it.
 *
 * @param pledgeId the pledge ranked for; null for a donation case's organ
 * @param donationCaseId the case whose recovered organ was ranked for; null for a pledge
 * @param trigger {@code COORDINATOR}, or {@code RESCORING} for the run that replaced a degraded one
 * @param degraded ranked on the clinical policy alone: the ML score was unavailable
 * @param rescoring for a degraded run: {@code PENDING} until the re-scoring job wrote its
 *     successor, then {@code DONE}; null for a scored run
 * @param policy the policy version, its SHA-256 and its whole content as it ranked this run
 * @param donor the donor's blood group and, for kidneys, KDRI/KDPI
 * @param timingsMillis where the computation's time went (waiting list query, hard filters,
 *     scoring, ranking), before the run was recorded
 * @param waitingCount waiting requests for the organ when the run was computed
 * @param candidateCount ranked requests ({@code candidates} may show only the head)
 * @param excludedCount excluded requests ({@code excluded} may show only the head)
 * @param exclusionCounts excluded requests per reason code
 * @param recipients the patients of the candidates shown, clinical facts only ({@link
 *     CandidateRecipient})
 */
public record AllocationRunView(
        UUID id,
        @Nullable UUID pledgeId,
        @Nullable UUID donationCaseId,
        @Schema(implementation = Organ.class) String organ,
        Instant createdAt,
        @Nullable UUID createdBy,
        String trigger,
        boolean degraded,
        @Nullable String degradedCause,
        @Nullable String rescoring,
        @Nullable UUID rescoredFrom,
        @Nullable UUID rescoredBy,
        @Nullable String modelVersion,
        Policy policy,
        List<String> formulaVersions,
        DonorFacts donor,
        RunSettings settings,
        long durationMillis,
        Map<String, Long> timingsMillis,
        int waitingCount,
        int candidateCount,
        int excludedCount,
        Map<String, Integer> exclusionCounts,
        List<CandidateView> candidates,
        List<ExclusionView> excluded,
        List<CandidateRecipient> recipients) {

    /**
     * @param content the policy file's content, canonical form
     */
    public record Policy(
            String id,
            String sha256,
            @Schema(types = "object", description = "the policy file, as JSON") @JsonRawValue
                    String content) {}

    /**
     * @param fromRank the rank of the first candidate shown
     * @param recipients the patients of the candidates shown
     */
    static AllocationRunView of(
            AllocationRun run,
            UUID rescoredBy,
            int fromRank,
            int candidates,
            int excluded,
            Function<List<CandidateView>, List<CandidateRecipient>> recipients) {
        List<CandidateView> shown =
                RunCodec.candidates(
                        run.candidates(),
                        fromRank,
                        candidates,
                        (run.pledgeId() != null ? run.pledgeId() : run.donationCaseId()).toString(),
                        run.degraded());
        return new AllocationRunView(
                run.id(),
                run.pledgeId(),
                run.donationCaseId(),
                run.organ().name(),
                run.createdAt(),
                run.createdBy(),
                run.trigger().name(),
                run.degraded(),
                run.degradedCause(),
                run.degraded() ? (rescoredBy == null ? "PENDING" : "DONE") : null,
                run.rescoredFrom(),
                rescoredBy,
                run.modelVersion(),
                new Policy(run.policyId(), run.policySha256(), run.policyJson()),
                run.formulaVersions(),
                run.donor(),
                run.settings(),
                run.durationMillis(),
                run.timings(),
                run.waitingCount(),
                run.candidateCount(),
                run.excludedCount(),
                run.exclusionCounts(),
                shown,
                RunCodec.exclusions(run.excluded(), excluded),
                recipients.apply(shown));
    }
}
