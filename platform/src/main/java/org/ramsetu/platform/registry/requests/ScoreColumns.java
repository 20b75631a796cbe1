package org.ramsetu.platform.registry.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.core.scores.EptsResult;
import org.ramsetu.core.scores.MeldScore;
import org.ramsetu.core.scores.PercentileResult;

/**
 * The scores of a transplant request in their columns: one column per number and one per formula
 * (or table) version, so the waiting list can be sorted by score and every score says how it was
 * computed.
 */
final class ScoreColumns {

    private ScoreColumns() {}

    /** Named parameters for the insert; null where the organ has no such score. */
    static Map<String, Object> values(ClinicalScores s) {
        MeldScore meldNa = s.meldNa();
        MeldScore meld3 = s.meld3();
        EptsResult epts = s.epts();
        HeartStatus heart = s.heartStatus();
        Map<String, Object> v = new HashMap<>();
        v.put("meldNa", meldNa == null ? null : meldNa.score());
        v.put("meldNaVersion", meldNa == null ? null : meldNa.formulaVersion());
        v.put("meld3", meld3 == null ? null : meld3.score());
        v.put("meld3Version", meld3 == null ? null : meld3.formulaVersion());
        v.put("eptsRaw", epts == null ? null : epts.raw());
        v.put("eptsPercentile", epts == null ? null : epts.percentile().percentile());
        v.put("eptsVersion", epts == null ? null : epts.formulaVersion());
        v.put("eptsTable", epts == null ? null : epts.percentile().tableVersion());
        v.put("eptsProvisional", epts == null ? null : epts.percentile().provisional());
        v.put("heart", heart == null ? null : heart.code());
        v.put("heartVersion", heart == null ? null : ClinicalScores.HEART_STATUS_VERSION);
        return v;
    }

    static ClinicalScores read(ResultSet rs) throws SQLException {
        // MELD(i) is an intermediate of the computation and is not stored.
        MeldScore meldNa =
                rs.getString("meld_na_version") == null
                        ? null
                        : new MeldScore(
                                rs.getInt("meld_na"), Double.NaN, rs.getString("meld_na_version"));
        MeldScore meld3 =
                rs.getString("meld_3_version") == null
                        ? null
                        : new MeldScore(
                                rs.getInt("meld_3"), Double.NaN, rs.getString("meld_3_version"));
        EptsResult epts =
                rs.getString("epts_version") == null
                        ? null
                        : new EptsResult(
                                rs.getDouble("epts_raw"),
                                rs.getString("epts_version"),
                                new PercentileResult(
                                        rs.getInt("epts_percentile"),
                                        rs.getString("epts_table_version"),
                                        rs.getBoolean("epts_provisional")));
        int heart = rs.getInt("heart_status");
        HeartStatus heartStatus = rs.wasNull() ? null : HeartStatus.of(heart);
        return new ClinicalScores(meldNa, meld3, epts, heartStatus);
    }
}
