package org.ramsetu.platform.allocation.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.rankingruns.RunTrigger;

/**
 * An immutable allocation run: one organ (a pledge's, or one a donation case recovered) against the
 * waiting list, how it was ranked and with what. Written once; the database refuses any update or
 * delete (V150).
 *
 * @param pledgeId the pledge ranked for; null for a donation case's organ
 * @param donorAccountId the pledge's donor; null for a donation case's organ
 * @param pledgeVersion the pledge's version when ranked; null for a donation case's organ
 * @param donationCaseId the case whose recovered organ was ranked for; null for a pledge
 * @param donationCaseVersion the case's version when ranked; null for a pledge, and for runs an
 *     earlier release wrote
 * @param createdBy the coordinator; null for a run written by the re-scoring job
 * @param policyJson the policy's canonical JSON, as it ranked this run
 * @param candidates the ranked requests, best first ({@link RunCodec})
 * @param excluded the excluded requests with every reason ({@link RunCodec})
 */
public record AllocationRun(
        UUID id,
        @Nullable UUID pledgeId,
        @Nullable UUID donorAccountId,
        Organ organ,
        @Nullable Long pledgeVersion,
        @Nullable UUID donationCaseId,
        @Nullable Long donationCaseVersion,
        Instant createdAt,
        UUID createdBy,
        RunTrigger trigger,
        boolean degraded,
        String degradedCause,
        String modelVersion,
        String policyId,
        String policySha256,
        String policyJson,
        List<String> formulaVersions,
        DonorFacts donor,
        RunSettings settings,
        UUID rescoredFrom,
        int waitingCount,
        int candidateCount,
        int excludedCount,
        Map<String, Integer> exclusionCounts,
        byte[] candidates,
        byte[] excluded,
        long durationMillis,
        Map<String, Long> timings) {}
