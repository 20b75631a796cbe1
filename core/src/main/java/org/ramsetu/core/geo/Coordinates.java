package org.ramsetu.core.geo;

import org.ramsetu.core.Require;

/** WGS-84 latitude/longitude in decimal degrees. */
public record Coordinates(double latitude, double longitude) {
    private static final double EARTH_RADIUS_KM = 6371.0088; // IUGG mean radius

    /** The largest latitude north or south, degrees. */
    public static final int MAX_LATITUDE = 90;

    /** The largest longitude east or west, degrees. */
    public static final int MAX_LONGITUDE = 180;

    public Coordinates {
        Require.inRange("latitude", latitude, -MAX_LATITUDE, MAX_LATITUDE, "degrees");
        Require.inRange("longitude", longitude, -MAX_LONGITUDE, MAX_LONGITUDE, "degrees");
    }

    /** Great-circle distance by the haversine formula, km. */
    public double distanceKmTo(Coordinates other) {
        double phi1 = Math.toRadians(latitude);
        double phi2 = Math.toRadians(other.latitude);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.longitude - longitude);
        double h =
                sq(Math.sin(dPhi / 2))
                        + Math.cos(phi1) * Math.cos(phi2) * sq(Math.sin(dLambda / 2));
        return 2 * EARTH_RADIUS_KM * asin(Math.min(1.0, Math.sqrt(h)));
    }

    /**
     * Math.asin is not a JIT intrinsic (it runs StrictMath's fdlibm code) and was ~12 % of a
     * 100,000-candidate match run. Below 0.3 (≈ 3,900 km, all of India) the Maclaurin series to
     * x^15 is exact to < 1e-10 relative; beyond that we fall back to Math.asin.
     */
    static double asin(double x) {
        if (x >= 0.3) {
            return Math.asin(x);
        }
        double x2 = x * x;
        double p = 143.0 / 10240; // coefficients (2n)! / (4^n (n!)^2 (2n+1)), n = 7 … 1
        p = 231.0 / 13312 + x2 * p;
        p = 63.0 / 2816 + x2 * p;
        p = 35.0 / 1152 + x2 * p;
        p = 5.0 / 112 + x2 * p;
        p = 3.0 / 40 + x2 * p;
        p = 1.0 / 6 + x2 * p;
        return x * (1 + x2 * p);
    }

    private static double sq(double x) {
        return x * x;
    }
}
