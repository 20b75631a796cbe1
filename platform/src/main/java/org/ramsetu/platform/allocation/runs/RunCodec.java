package org.ramsetu.platform.allocation.runs;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ramsetu.core.allocation.AllocatedCandidate;
import org.ramsetu.core.allocation.GroupKey;
import org.ramsetu.core.allocation.Placement;
import org.ramsetu.core.allocation.Points;
import org.ramsetu.core.blood.AboMatch;
import org.ramsetu.core.features.Imputation;
import org.ramsetu.core.geo.IschaemiaAssessment;
import org.ramsetu.core.geo.TransportMode;
import org.ramsetu.core.geo.TransportPlan;
import org.ramsetu.core.hla.HlaMismatch;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.ExcludedCandidate;
import org.ramsetu.platform.runlists.ExclusionRows;
import org.ramsetu.platform.runlists.ListReader;
import org.ramsetu.platform.runlists.ListWriter;
import org.ramsetu.platform.runlists.RowOutput;

/**
 * The stored form of a run's lists: compact binary rows behind a string dictionary (labels, codes
 * and details repeat across tens of thousands of requests). A run of 50,000 requests is a few
 * megabytes written in one insert, instead of tens of megabytes of JSON; a read decodes only the
 * head it shows. Enum values are stored by name, so a reordered enum never changes a stored run.
 * Explanations are not stored: they are a pure function of the stored fields (the clinical core
 * renders them). The framing (format byte 1, dictionary, rows) is the one match runs share: {@code
 * platform.runlists}.
 */
final class RunCodec {

    private static final int FORMAT = 1;

    private RunCodec() {}

    static byte[] candidates(List<AllocatedCandidate> ranked) {
        ListWriter w = new ListWriter(FORMAT, 1 << 16);
        w.body().writeInt(ranked.size());
        for (AllocatedCandidate c : ranked) {
            candidate(w, c);
        }
        return w.finish();
    }

    private static void candidate(ListWriter w, AllocatedCandidate c) {
        RowOutput o = w.body();
        uuid(o, c.id().patientId());
        Points p = c.points();
        o.writeDouble(p.total());
        o.writeLong(p.waitingDays());
        o.writeDouble(p.waiting());
        o.writeDouble(p.hlaPoints());
        o.writeDouble(p.hla());
        o.writeShort(p.unacceptableAntigens());
        o.writeDouble(p.sensitisation());
        o.writeDouble(p.distanceKm());
        o.writeDouble(p.distance());
        o.writeDouble(p.mlScore());
        o.writeDouble(p.ml());
        o.writeInt(w.word(c.abo().name()));
        HlaMismatch m = c.hlaMismatch();
        o.writeByte(m == null ? -1 : m.a() * 9 + m.b() * 3 + m.dr());
        o.writeByte(c.eptsPercentile() == null ? -1 : c.eptsPercentile());
        o.writeByte(c.meld() == null ? -1 : c.meld());
        o.writeInt(w.word(c.urgency()));
        o.writeByte(c.distanceBand());
        o.writeByte(c.groups().size());
        for (Placement g : c.groups()) {
            o.writeInt(w.word(g.key().name()));
            o.writeInt(g.order());
            o.writeInt(w.word(g.label()));
        }
        IschaemiaAssessment a = c.ischaemia();
        o.writeBoolean(a != null);
        if (a != null) {
            o.writeInt(w.word(a.plan().mode().name()));
            o.writeDouble(a.plan().hours());
            o.writeDouble(a.totalHours());
            o.writeDouble(a.targetHours());
            o.writeDouble(a.hardHours());
            o.writeBoolean(a.nearLimit());
        }
        o.writeBoolean(c.nearIschaemiaLimit());
        o.writeByte(c.imputations().size());
        for (Imputation i : c.imputations()) {
            o.writeInt(w.word(i.feature()));
            o.writeDouble(i.value());
            o.writeInt(w.word(i.reason()));
        }
    }

    /** The first {@code limit} candidates, as shown; explanations rendered by the core. */
    static List<CandidateView> candidates(
            byte[] stored, int limit, String pledgeId, boolean degraded) {
        return candidates(stored, 1, limit, pledgeId, degraded);
    }

    /** At most {@code limit} candidates from rank {@code fromRank} on (those above are skipped). */
    static List<CandidateView> candidates(
            byte[] stored, int fromRank, int limit, String pledgeId, boolean degraded) {
        ListReader r = new ListReader(stored, FORMAT, "a stored allocation run");
        try {
            int count = r.in().readInt();
            List<CandidateView> out = new ArrayList<>(Math.max(0, Math.min(count, limit)));
            for (int i = 0; i < count && out.size() < limit; i++) {
                AllocatedCandidate read = candidate(r, i + 1, pledgeId, degraded);
                if (i + 1 >= fromRank) {
                    out.add(view(read));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored allocation run cannot be read", e);
        }
    }

    private static AllocatedCandidate candidate(
            ListReader r, int rank, String pledgeId, boolean degraded) throws IOException {
        DataInputStream in = r.in();
        String request = new UUID(in.readLong(), in.readLong()).toString();
        double total = in.readDouble();
        long waitingDays = in.readLong();
        double waiting = in.readDouble();
        double hlaPoints = in.readDouble();
        double hla = in.readDouble();
        int antigens = in.readShort();
        double sensitisation = in.readDouble();
        double km = in.readDouble();
        double distance = in.readDouble();
        double mlScore = in.readDouble();
        double ml = in.readDouble();
        AboMatch abo = AboMatch.valueOf(r.word());
        int mm = in.readByte();
        HlaMismatch mismatch = mm < 0 ? null : HlaMismatch.of(mm / 9, (mm / 3) % 3, mm % 3);
        int epts = in.readByte();
        int meld = in.readByte();
        String urgency = r.word();
        int band = in.readByte();
        int groups = in.readByte();
        List<Placement> placements = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            placements.add(new Placement(GroupKey.valueOf(r.word()), in.readInt(), r.word()));
        }
        IschaemiaAssessment ischaemia = null;
        if (in.readBoolean()) {
            TransportMode mode = TransportMode.valueOf(r.word());
            double hours = in.readDouble();
            double totalHours = in.readDouble();
            double target = in.readDouble();
            double hard = in.readDouble();
            boolean near = in.readBoolean();
            ischaemia =
                    new IschaemiaAssessment(
                            totalHours, target, hard, true, near, new TransportPlan(mode, hours));
        }
        boolean nearLimit = in.readBoolean();
        int imputed = in.readByte();
        List<Imputation> imputations = new ArrayList<>(imputed);
        for (int i = 0; i < imputed; i++) {
            imputations.add(new Imputation(r.word(), in.readDouble(), r.word()));
        }
        return new AllocatedCandidate(
                rank,
                new CandidateId(request, pledgeId),
                placements,
                new Points(
                        waitingDays,
                        waiting,
                        hlaPoints,
                        hla,
                        antigens,
                        sensitisation,
                        km,
                        distance,
                        mlScore,
                        ml,
                        total),
                abo,
                mismatch,
                epts < 0 ? null : epts,
                meld < 0 ? null : meld,
                urgency,
                band,
                ischaemia,
                nearLimit,
                imputations,
                degraded);
    }

    /** The requests of a stored candidate list, best first. */
    static List<UUID> requestOrder(byte[] stored) {
        ListReader r = new ListReader(stored, FORMAT, "a stored allocation run");
        try {
            int count = r.in().readInt();
            List<UUID> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(UUID.fromString(candidate(r, i + 1, "-", false).id().patientId()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored allocation run cannot be read", e);
        }
    }

    static CandidateView view(AllocatedCandidate c) {
        Points p = c.points();
        List<CandidateView.Group> groups = new ArrayList<>(c.groups().size());
        for (Placement g : c.groups()) {
            groups.add(new CandidateView.Group(g.key().name(), g.order(), g.label()));
        }
        List<CandidateView.Imputed> imputed = new ArrayList<>(c.imputations().size());
        for (Imputation i : c.imputations()) {
            imputed.add(new CandidateView.Imputed(i.feature(), i.value(), i.reason()));
        }
        IschaemiaAssessment a = c.ischaemia();
        return new CandidateView(
                c.rank(),
                UUID.fromString(c.id().patientId()),
                p.total(),
                Double.isNaN(p.mlScore()) ? null : p.mlScore(),
                c.urgency(),
                c.abo().name(),
                c.hlaMismatch() == null ? null : c.hlaMismatch().toString(),
                c.eptsPercentile(),
                c.meld(),
                groups,
                new CandidateView.Components(
                        p.waitingDays(),
                        p.waiting(),
                        Double.isNaN(p.hlaPoints()) ? null : p.hlaPoints(),
                        p.hla(),
                        p.unacceptableAntigens(),
                        p.sensitisation(),
                        p.distanceKm(),
                        c.distanceBand(),
                        p.distance(),
                        p.ml()),
                a == null
                        ? null
                        : new CandidateView.Transport(
                                a.plan().mode().name(),
                                a.plan().hours(),
                                a.totalHours(),
                                a.hardHours()),
                c.nearIschaemiaLimit(),
                imputed,
                c.explanation());
    }

    static byte[] exclusions(List<ExcludedCandidate> excluded) {
        return ExclusionRows.write(FORMAT, excluded, CandidateId::patientId);
    }

    static List<ExclusionView> exclusions(byte[] stored, int limit) {
        List<ExclusionView> out = new ArrayList<>();
        for (ExclusionRows.Row row :
                ExclusionRows.read(stored, FORMAT, "a stored allocation run", limit)) {
            List<ExclusionView.Reason> reasons = new ArrayList<>(row.reasons().size());
            for (ExclusionRows.Reason x : row.reasons()) {
                reasons.add(new ExclusionView.Reason(x.code(), x.detail()));
            }
            out.add(new ExclusionView(row.id(), reasons));
        }
        return out;
    }

    private static void uuid(RowOutput o, String id) {
        UUID u = UUID.fromString(id);
        o.writeLong(u.getMostSignificantBits());
        o.writeLong(u.getLeastSignificantBits());
    }
}
