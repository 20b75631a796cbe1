package org.ramsetu.platform.runlists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.ramsetu.core.eligibility.Exclusion;
import org.ramsetu.core.ranking.CandidateId;
import org.ramsetu.core.ranking.ExcludedCandidate;

/**
 * A run's exclusion list, the same rows for both run kinds: the excluded side's id, then each
 * reason's code and detail as words. Only the id differs: the pledge in a match run, the request in
 * an allocation run.
 */
public final class ExclusionRows {

    /** One excluded candidate as read: its id and each reason's code and detail. */
    public record Row(UUID id, List<Reason> reasons) {}

    public record Reason(String code, String detail) {}

    private ExclusionRows() {}

    /**
     * @param id which side of the pair a row names
     */
    public static byte[] write(
            int format, List<ExcludedCandidate> excluded, Function<CandidateId, String> id) {
        ListWriter w = new ListWriter(format, 64 + excluded.size() * 32);
        RowOutput o = w.body();
        o.writeInt(excluded.size());
        for (ExcludedCandidate e : excluded) {
            w.writeUuid(UUID.fromString(id.apply(e.id())));
            o.writeByte(e.exclusions().size());
            for (Exclusion x : e.exclusions()) {
                w.writeWord(x.code().name());
                w.writeWord(x.detail());
            }
        }
        return w.finish();
    }

    /** The first {@code limit} rows; {@code what} names the list in a refusal. */
    public static List<Row> read(byte[] stored, int format, String what, int limit) {
        ListReader r = new ListReader(stored, format, what);
        try {
            int count = r.in().readInt();
            List<Row> out = new ArrayList<>(Math.min(count, limit));
            for (int i = 0; i < count && i < limit; i++) {
                UUID id = r.uuid();
                int n = r.in().readByte();
                List<Reason> reasons = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    reasons.add(new Reason(r.word(), r.word()));
                }
                out.add(new Row(id, reasons));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(what + " cannot be read", e);
        }
    }
}
