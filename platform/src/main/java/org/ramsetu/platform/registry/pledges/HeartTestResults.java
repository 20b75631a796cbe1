package org.ramsetu.platform.registry.pledges;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.donor.AngiographyFinding;
import org.ramsetu.core.donor.CardiacRisk;
import org.ramsetu.core.donor.EchoFinding;
import org.ramsetu.core.donor.HeartTests;
import org.ramsetu.core.donor.ViralMarker;
import org.ramsetu.platform.kernel.Fields;

/**
 * Heart test results of a pledge; every field optional (not yet reported).
 *
 * @param lvef left-ventricular ejection fraction, percent (5–90)
 * @param echo {@code NORMAL} or {@code ABNORMAL}, when no ejection fraction is reported
 * @param angiography {@code NO_BLOCKAGE} or {@code BLOCKAGE}
 * @param viral {@code NEGATIVE}, {@code POSITIVE} or {@code UNKNOWN}
 * @param cardiacRisk {@code GOOD}, {@code AVERAGE} or {@code POOR}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeartTestResults(
        @Nullable Double lvef,
        @Nullable String echo,
        @Nullable String angiography,
        @Nullable String viral,
        @Nullable String cardiacRisk) {

    HeartTests toCore() {
        return new HeartTests(
                lvef,
                Fields.optionalEnum("heart.echo", echo, EchoFinding.class),
                Fields.optionalEnum("heart.angiography", angiography, AngiographyFinding.class),
                Fields.optionalEnum("heart.viral", viral, ViralMarker.class),
                Fields.optionalEnum("heart.cardiacRisk", cardiacRisk, CardiacRisk.class));
    }

    static HeartTestResults of(HeartTests t) {
        return new HeartTestResults(
                t.lvefPercent(),
                PledgeTests.name(t.echo()),
                PledgeTests.name(t.angiography()),
                PledgeTests.name(t.viral()),
                PledgeTests.name(t.cardiacRisk()));
    }
}
