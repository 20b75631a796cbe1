package org.ramsetu.core.donor;

import org.ramsetu.core.Require;
import org.ramsetu.core.organ.Organ;

/** Heart donor tests: LVEF % (5–90) preferred over the echo summary. */
public record HeartTests(
        Double lvefPercent,
        EchoFinding echo,
        AngiographyFinding angiography,
        ViralMarker viral,
        CardiacRisk cardiacRisk)
        implements DonorTests {
    public HeartTests {
        if (lvefPercent != null) {
            Require.inRange("heart.lvef", lvefPercent, 5, 90, "%");
        }
    }

    @Override
    public Organ organ() {
        return Organ.HEART;
    }
}
