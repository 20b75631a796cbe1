package org.ramsetu.platform.matching.runs;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.core.eligibility.Exclusion;
import org.ramsetu.core.features.Imputation;
import org.ramsetu.core.geo.IschaemiaAssessment;
import org.ramsetu.core.ranking.ExcludedCandidate;
import org.ramsetu.core.ranking.RankedCandidate;
import org.ramsetu.core.ranking.ScoreComponents;
import org.ramsetu.platform.rankingruns.RunTrigger;

/** Turns a calculation into the immutable run record: every candidate with every component. */
final class RunRecord {

    private RunRecord() {}

    static MatchRun of(
            Calculation calc, UUID runId, UUID createdBy, RunTrigger trigger, UUID rescoredFrom) {
        List<RankedCandidate> ranked = calc.ranking().ranked();
        // Both lists are built as read: a run stored compact reads only the head it answers with,
        // and skips building (and explaining) tens of thousands of entries nobody looks at.
        List<RunCandidate> candidates =
                new AbstractList<>() {
                    @Override
                    public RunCandidate get(int index) {
                        RankedCandidate r = ranked.get(index);
                        return candidate(r, calc.contributions().get(r.id()));
                    }

                    @Override
                    public int size() {
                        return ranked.size();
                    }
                };
        List<ExcludedCandidate> exclusions = calc.ranking().excluded();
        List<RunExclusion> excluded =
                new AbstractList<>() {
                    @Override
                    public RunExclusion get(int index) {
                        return exclusion(exclusions.get(index));
                    }

                    @Override
                    public int size() {
                        return exclusions.size();
                    }
                };
        return new MatchRun(
                runId,
                calc.facts().request().id(),
                calc.facts().request().organ(),
                calc.facts().request().version(),
                calc.asOf(),
                createdBy,
                trigger,
                calc.degraded(),
                calc.degradedCause(),
                calc.ranking().modelVersion(),
                calc.ranking().policyVersion(),
                calc.ranking().formulaVersions(),
                rescoredFrom,
                calc.settings(),
                candidates.size(),
                excluded.size(),
                candidates,
                excluded,
                calc.counted(),
                calc.durationMillis());
    }

    static RunExclusion exclusion(ExcludedCandidate e) {
        List<RunExclusion.Reason> reasons = new ArrayList<>(e.exclusions().size());
        for (Exclusion x : e.exclusions()) {
            reasons.add(new RunExclusion.Reason(x.code().name(), x.detail()));
        }
        return new RunExclusion(UUID.fromString(e.id().donorId()), reasons);
    }

    static RunCandidate candidate(RankedCandidate r, Map<String, Double> contributions) {
        ScoreComponents s = r.components();
        IschaemiaAssessment ischaemia = r.ischaemia();
        List<RunCandidate.Imputed> imputed = new ArrayList<>(r.imputations().size());
        for (Imputation i : r.imputations()) {
            imputed.add(new RunCandidate.Imputed(i.feature(), i.value(), i.reason()));
        }
        return new RunCandidate(
                r.rank(),
                UUID.fromString(r.id().donorId()),
                s.combined(),
                orNull(s.ml()),
                r.tier().label(),
                r.abo().name(),
                new RunCandidate.Components(
                        orNull(s.hlaPoints()),
                        s.waitingDays(),
                        s.distanceKm(),
                        new RunCandidate.Weights(s.wMl(), s.wHla(), s.wWaiting(), s.wDistance())),
                ischaemia == null
                        ? null
                        : new RunCandidate.Transport(
                                ischaemia.plan().mode().name(),
                                ischaemia.plan().hours(),
                                ischaemia.totalHours(),
                                ischaemia.hardHours()),
                r.nearIschaemiaLimit(),
                imputed,
                r.features().asMap(),
                contributions,
                r.explanation());
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
