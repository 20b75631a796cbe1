package org.ramsetu.core.geo;

import org.ramsetu.core.organ.Organ;

/**
 * The latitude/longitude box a match run may restrict donors to: every place from which an organ
 * could reach the patient's hospital within its hard ischaemia limit by the fastest transport lies
 * inside it. It only narrows the search (the clinical core still assesses each pair exactly), so it
 * errs on the large side and never excludes a feasible donor.
 */
public record SearchBox(
        double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) {

    // The radius Coordinates.distanceKmTo uses, so the box and the haversine agree.
    private static final double EARTH_RADIUS_KM = 6371.0088;
    // Headroom for rounding, so a donor exactly at the reach is never cut off by the box.
    private static final double MARGIN = 1.01;

    public static final SearchBox WHOLE_EARTH = new SearchBox(-90, 90, -180, 180);

    /**
     * The farthest distance from which the organ can arrive within its hard limit: pledged organs
     * have used no ischaemia time yet, so the whole limit less surgery is available for transport.
     * Corneas: the longest storage medium's limit (the medium is a property of the donor).
     */
    public static double reachKm(Organ organ, TransportSettings transport) {
        double hard =
                organ == Organ.CORNEA
                        ? StorageMedium.ORGAN_CULTURE.limitHours()
                        : IschaemiaLimits.forOrgan(organ, null).hardHours();
        double budget = hard - transport.surgeryHours();
        double road = Math.max(0, (budget - transport.roadHandlingHours()) * transport.roadKmh());
        double air = Math.max(0, (budget - transport.airHandlingHours()) * transport.airKmh());
        return air >= transport.airMinimumKm() ? Math.max(road, air) : road;
    }

    /** The box around {@code centre} holding every point within {@code radiusKm} (haversine). */
    public static SearchBox around(Coordinates centre, double radiusKm) {
        double angular = radiusKm * MARGIN / EARTH_RADIUS_KM; // radians
        if (angular >= Math.PI / 2) {
            return WHOLE_EARTH;
        }
        double degrees = Math.toDegrees(angular);
        double minLat = centre.latitude() - degrees;
        double maxLat = centre.latitude() + degrees;
        if (minLat <= -90 || maxLat >= 90) {
            return new SearchBox(Math.max(-90, minLat), Math.min(90, maxLat), -180, 180);
        }
        // Widest longitude reached on the circle: where it touches a meridian tangentially.
        double cosLat = Math.cos(Math.toRadians(centre.latitude()));
        double sinAngular = Math.sin(angular);
        if (sinAngular >= cosLat) {
            return new SearchBox(minLat, maxLat, -180, 180);
        }
        double dLon = Math.toDegrees(Math.asin(sinAngular / cosLat));
        double minLon = centre.longitude() - dLon;
        double maxLon = centre.longitude() + dLon;
        if (minLon < -180 || maxLon > 180) {
            // Crossing the antimeridian: no longitude bound (not a case in India).
            return new SearchBox(minLat, maxLat, -180, 180);
        }
        return new SearchBox(minLat, maxLat, minLon, maxLon);
    }

    public boolean contains(Coordinates point) {
        return point.latitude() >= minLatitude
                && point.latitude() <= maxLatitude
                && point.longitude() >= minLongitude
                && point.longitude() <= maxLongitude;
    }
}
