package org.ramsetu.core.geo;

import org.ramsetu.core.Require;

/**
 * Configurable transport assumptions. Defaults follow docs/domain.md (road ≈ 60 km/h, air ≈ 500
 * km/h plus fixed handling); the handling and surgery hours are RamSetu planning defaults, to be
 * tuned per region.
 *
 * @param roadHandlingHours packing, loading and hand-over for road transport
 * @param airHandlingHours ground legs to and from airports, boarding and hand-over
 * @param surgeryHours time from arrival to reperfusion, counted against the ischaemia limit
 * @param airMinimumKm below this distance flying is not considered
 */
public record TransportSettings(
        double roadKmh,
        double airKmh,
        double roadHandlingHours,
        double airHandlingHours,
        double surgeryHours,
        double airMinimumKm) {

    public static final TransportSettings DEFAULTS =
            new TransportSettings(60, 500, 0.5, 2.0, 1.0, 150);

    public TransportSettings {
        Require.inRange("transport.roadKmh", roadKmh, 5, 200, "km/h");
        Require.inRange("transport.airKmh", airKmh, 50, 1000, "km/h");
        Require.inRange("transport.roadHandlingHours", roadHandlingHours, 0, 24, "h");
        Require.inRange("transport.airHandlingHours", airHandlingHours, 0, 24, "h");
        Require.inRange("transport.surgeryHours", surgeryHours, 0, 24, "h");
        Require.inRange("transport.airMinimumKm", airMinimumKm, 0, 5000, "km");
    }

    /** Fastest available mode for the distance. */
    public TransportPlan plan(double distanceKm) {
        double road = roadHandlingHours + distanceKm / roadKmh;
        if (distanceKm < airMinimumKm) {
            return new TransportPlan(TransportMode.ROAD, road);
        }
        double air = airHandlingHours + distanceKm / airKmh;
        return air < road
                ? new TransportPlan(TransportMode.AIR, air)
                : new TransportPlan(TransportMode.ROAD, road);
    }
}
