package org.ramsetu.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ramsetu.core.organ.Organ;

/** The search box never cuts off a donor the ischaemia rule would accept. */
class SearchBoxTest {

    private static final Coordinates DELHI = new Coordinates(28.6139, 77.2090);

    @Test
    void reachFollowsTheHardLimitLessSurgeryByTheFastestTransport() {
        TransportSettings t = TransportSettings.DEFAULTS;
        // Heart: 6 h hard − 1 h surgery − 2 h air handling = 3 h at 500 km/h.
        assertThat(SearchBox.reachKm(Organ.HEART, t)).isEqualTo(1500.0);
        // Liver: (12 − 1 − 2) × 500.
        assertThat(SearchBox.reachKm(Organ.LIVER, t)).isEqualTo(4500.0);
    }

    @Test
    void everyPointOnTheReachCircleIsInsideTheBoxAndFartherPointsAreNot() {
        double reach = SearchBox.reachKm(Organ.HEART, TransportSettings.DEFAULTS);
        SearchBox box = SearchBox.around(DELHI, reach);
        for (int bearing = 0; bearing < 360; bearing += 5) {
            Coordinates edge = destination(DELHI, bearing, reach * 0.999);
            assertThat(edge.distanceKmTo(DELHI)).isLessThanOrEqualTo(reach);
            assertThat(box.contains(edge)).as("bearing " + bearing).isTrue();
        }
        assertThat(box.contains(new Coordinates(8.5241, 76.9366)))
                .as("Thiruvananthapuram, 2,240 km away")
                .isFalse();
        assertThat(box.contains(new Coordinates(26.1445, 91.7362)))
                .as("Guwahati, 1,480 km away")
                .isTrue();
    }

    @Test
    void aReachBeyondAQuarterOfTheEarthSpansEverything() {
        assertThat(
                        SearchBox.around(
                                DELHI, SearchBox.reachKm(Organ.KIDNEY, TransportSettings.DEFAULTS)))
                .isEqualTo(SearchBox.WHOLE_EARTH);
    }

    /** The point at {@code km} along the great circle from {@code start} on {@code bearing}°. */
    private static Coordinates destination(Coordinates start, double bearing, double km) {
        double r = km / 6371.0088;
        double phi1 = Math.toRadians(start.latitude());
        double lambda1 = Math.toRadians(start.longitude());
        double theta = Math.toRadians(bearing);
        double phi2 =
                Math.asin(
                        Math.sin(phi1) * Math.cos(r)
                                + Math.cos(phi1) * Math.sin(r) * Math.cos(theta));
        double lambda2 =
                lambda1
                        + Math.atan2(
                                Math.sin(theta) * Math.sin(r) * Math.cos(phi1),
                                Math.cos(r) - Math.sin(phi1) * Math.sin(phi2));
        return new Coordinates(Math.toDegrees(phi2), Math.toDegrees(lambda2));
    }
}
