package org.ramsetu.platform.matching.runs;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.features.Imputation;
import org.ramsetu.core.geo.IschaemiaAssessment;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.ExcludedCandidate;
import org.ramsetu.core.ranking.Explanations;
import org.ramsetu.core.ranking.RankedCandidate;
import org.ramsetu.core.ranking.ScoreComponents;
import org.ramsetu.platform.runlists.ExclusionRows;
import org.ramsetu.platform.runlists.ListReader;
import org.ramsetu.platform.runlists.ListWriter;
import org.ramsetu.platform.runlists.RowOutput;

/**
 * A match run's lists in the compact binary form both run kinds share ({@code platform.runlists}):
 * fixed rows behind a string dictionary, written straight from the calculation. The explanation
 * line is not stored: the clinical core renders it from the stored fields when the run is read
 * ({@link Explanations}), so a run no longer builds tens of thousands of lines nobody reads, nor
 * their JSON and its compression (docs/adr/0035).
 *
 * <p>Candidate rows: pledge, score, ML score (NaN: none), tier label, ABO, HLA points (NaN: not a
 * kidney), waiting days, distance, the four weights (only when they differ from the row before),
 * transport, near-limit flag, imputations, features (their names only when they differ from the row
 * before), the model's contributions (proposed only). Exclusion rows: pledge and its reasons.
 */
final class CompactRunLists {

    /** The first byte of a compact match run list; a gzip-compressed JSON list starts with 0x1f. */
    static final int FORMAT = 2;

    private static final String WHAT = "a stored match run list";

    private CompactRunLists() {}

    static byte[] candidates(Calculation calc) {
        return candidates(calc.ranking().ranked(), calc.contributions());
    }

    /**
     * @param contributions the model's reasons by candidate, for those it gave them for
     */
    static byte[] candidates(
            List<RankedCandidate> ranked, Map<CandidateId, Map<String, Double>> contributions) {
        ListWriter w = new ListWriter(FORMAT, 64 + ranked.size() * 200);
        w.body().writeInt(ranked.size());
        RankedCandidate previous = null;
        // Only the few proposals have reasons: once each has been written, no lookup is needed
        // for the 10⁵ candidates after them.
        int reasonsLeft = contributions.size();
        for (RankedCandidate r : ranked) {
            Map<String, Double> reasons = reasonsLeft == 0 ? null : contributions.get(r.id());
            if (reasons != null) {
                reasonsLeft--;
            }
            candidate(w, r, reasons, previous);
            previous = r;
        }
        return w.finish();
    }

    private static void candidate(
            ListWriter w,
            RankedCandidate r,
            Map<String, Double> contributions,
            RankedCandidate previous) {
        RowOutput o = w.body();
        ScoreComponents s = r.components();
        w.writeUuid(UUID.fromString(r.id().donorId()));
        o.writeDouble(s.combined());
        o.writeDouble(s.ml());
        w.writeWord(r.tier().label());
        w.writeWord(r.abo().name());
        o.writeDouble(s.hlaPoints());
        o.writeLong(s.waitingDays());
        o.writeDouble(s.distanceKm());
        boolean sameWeights = previous != null && sameWeights(previous.components(), s);
        o.writeBoolean(sameWeights);
        if (!sameWeights) {
            o.writeDouble(s.wMl());
            o.writeDouble(s.wHla());
            o.writeDouble(s.wWaiting());
            o.writeDouble(s.wDistance());
        }
        IschaemiaAssessment ischaemia = r.ischaemia();
        o.writeBoolean(ischaemia != null);
        if (ischaemia != null) {
            w.writeWord(ischaemia.plan().mode().name());
            o.writeDouble(ischaemia.plan().hours());
            o.writeDouble(ischaemia.totalHours());
            o.writeDouble(ischaemia.hardHours());
        }
        o.writeBoolean(r.nearIschaemiaLimit());
        o.writeByte(r.imputations().size());
        for (Imputation i : r.imputations()) {
            w.writeWord(i.feature());
            o.writeDouble(i.value());
            w.writeWord(i.reason());
        }
        // Every candidate of a run has its organ's features: their names are written once.
        List<String> names = r.features().names();
        boolean sameNames = previous != null && previous.features().names().equals(names);
        o.writeByte(names.size());
        o.writeBoolean(sameNames);
        for (int i = 0; i < names.size(); i++) {
            if (!sameNames) {
                w.writeWord(names.get(i));
            }
            o.writeDouble(r.features().get(i));
        }
        o.writeByte(contributions == null ? -1 : contributions.size());
        if (contributions != null) {
            for (Map.Entry<String, Double> c : contributions.entrySet()) {
                w.writeWord(c.getKey());
                o.writeDouble(c.getValue());
            }
        }
    }

    private static boolean sameWeights(ScoreComponents a, ScoreComponents b) {
        return Double.compare(a.wMl(), b.wMl()) == 0
                && Double.compare(a.wHla(), b.wHla()) == 0
                && Double.compare(a.wWaiting(), b.wWaiting()) == 0
                && Double.compare(a.wDistance(), b.wDistance()) == 0;
    }

    /**
     * The first {@code limit} candidates as shown, explanations rendered by the clinical core.
     *
     * @param requestId the run's transplant request, which names each candidate in its explanation
     *     with the pledge
     * @param degraded whether the run was ranked without ML scores
     */
    static List<RunCandidate> candidates(
            byte[] stored, int limit, UUID requestId, boolean degraded) {
        ListReader r = new ListReader(stored, FORMAT, WHAT);
        try {
            int count = r.in().readInt();
            List<RunCandidate> out = new ArrayList<>(Math.min(count, limit));
            Rows rows = new Rows();
            for (int i = 0; i < count && i < limit; i++) {
                out.add(candidate(r, i + 1, requestId.toString(), degraded, rows));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(WHAT + " cannot be read", e);
        }
    }

    /** The pledge of every ranked candidate, best first. */
    static List<UUID> pledgeOrder(byte[] stored) {
        ListReader r = new ListReader(stored, FORMAT, WHAT);
        try {
            int count = r.in().readInt();
            List<UUID> out = new ArrayList<>(count);
            Rows rows = new Rows();
            for (int i = 0; i < count; i++) {
                out.add(candidate(r, i + 1, "-", false, rows).pledgeId());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(WHAT + " cannot be read", e);
        }
    }

    /**
     * @param rows what the row before stated, updated with what this row states
     */
    private static RunCandidate candidate(
            ListReader r, int rank, String requestId, boolean degraded, Rows rows)
            throws IOException {
        DataInputStream in = r.in();
        double[] weights = rows.weights;
        UUID pledge = r.uuid();
        double score = in.readDouble();
        double ml = in.readDouble();
        String tier = r.word();
        AboMatch abo = AboMatch.valueOf(r.word());
        double hlaPoints = in.readDouble();
        long waitingDays = in.readLong();
        double distanceKm = in.readDouble();
        if (!in.readBoolean()) {
            for (int k = 0; k < 4; k++) {
                weights[k] = in.readDouble();
            }
        }
        RunCandidate.Transport transport = null;
        if (in.readBoolean()) {
            transport =
                    new RunCandidate.Transport(
                            r.word(), in.readDouble(), in.readDouble(), in.readDouble());
        }
        boolean nearLimit = in.readBoolean();
        int imputed = in.readByte();
        List<Imputation> imputations = new ArrayList<>(imputed);
        List<RunCandidate.Imputed> shown = new ArrayList<>(imputed);
        for (int k = 0; k < imputed; k++) {
            Imputation i = new Imputation(r.word(), in.readDouble(), r.word());
            imputations.add(i);
            shown.add(new RunCandidate.Imputed(i.feature(), i.value(), i.reason()));
        }
        Map<String, Double> features = features(r, in.readByte(), in.readBoolean(), rows);
        Map<String, Double> contributions = entries(r, in.readByte());
        ScoreComponents s =
                new ScoreComponents(
                        ml,
                        hlaPoints,
                        waitingDays,
                        distanceKm,
                        weights[0],
                        weights[1],
                        weights[2],
                        weights[3],
                        score);
        String explanation =
                Explanations.line(
                        rank,
                        new CandidateId(requestId, pledge.toString()),
                        tier,
                        abo,
                        s,
                        degraded,
                        nearLimit,
                        imputations);
        return new RunCandidate(
                rank,
                pledge,
                score,
                orNull(ml),
                tier,
                abo.name(),
                new RunCandidate.Components(
                        orNull(hlaPoints),
                        waitingDays,
                        distanceKm,
                        new RunCandidate.Weights(weights[0], weights[1], weights[2], weights[3])),
                transport,
                nearLimit,
                shown,
                features,
                contributions,
                explanation);
    }

    /**
     * A row's features: {@code count} values, each after its name unless the row has the names of
     * the row before ({@code sameNames}).
     */
    private static Map<String, Double> features(
            ListReader r, int count, boolean sameNames, Rows rows) throws IOException {
        if (!sameNames) {
            rows.featureNames = new String[count];
        } else if (rows.featureNames == null || rows.featureNames.length != count) {
            throw new IllegalStateException(WHAT + " repeats feature names it never stated");
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            if (!sameNames) {
                rows.featureNames[k] = r.word();
            }
            map.put(rows.featureNames[k], r.in().readDouble());
        }
        return map;
    }

    /** What a row may take over from the row before it. */
    private static final class Rows {
        final double[] weights = new double[4];
        String[] featureNames;
    }

    /** {@code count} name–value pairs; null for -1 (none stated). */
    private static Map<String, Double> entries(ListReader r, int count) throws IOException {
        if (count < 0) {
            return null;
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            map.put(r.word(), r.in().readDouble());
        }
        return map;
    }

    static byte[] exclusions(List<ExcludedCandidate> excluded) {
        return ExclusionRows.write(FORMAT, excluded, CandidateId::donorId);
    }

    static List<RunExclusion> exclusions(byte[] stored, int limit) {
        List<RunExclusion> out = new ArrayList<>();
        for (ExclusionRows.Row row : ExclusionRows.read(stored, FORMAT, WHAT, limit)) {
            List<RunExclusion.Reason> reasons = new ArrayList<>(row.reasons().size());
            for (ExclusionRows.Reason x : row.reasons()) {
                reasons.add(new RunExclusion.Reason(x.code(), x.detail()));
            }
            out.add(new RunExclusion(row.id(), reasons));
        }
        return out;
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
