package org.ramsetu.core.allocation.simulation;

import org.ramsetu.core.Require;
import org.ramsetu.core.organ.Organ;

/**
 * What to replay: {@code donors} synthetic donor organs arriving at random over {@code days}.
 *
 * @param seed the same seed, list and policies give the same report
 */
public record SimulationSettings(Organ organ, int donors, int days, long seed) {

    public static final int MAX_DONORS = 5_000;
    public static final int MAX_DAYS = 3_650;

    public SimulationSettings {
        Require.present("organ", organ);
        Require.inRange("donors", donors, 1, MAX_DONORS, "");
        Require.inRange("days", days, 1, MAX_DAYS, "");
    }
}
