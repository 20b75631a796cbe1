package org.ramsetu.platform.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.centres.CentreDetails;
import org.ramsetu.platform.centres.TransplantCentre;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.ramsetu.platform.centres.TransplantCentres;

/**
 * Demo transplant centres: one in each of twelve cities where India's transplant programmes are,
 * with invented names and registration numbers (marked DEMO) at the cities' real coordinates. The
 * same seed gives the same centres, so loading again adds nothing.
 */
final class DemoCentres {

    private record Place(
            String city, String state, String code, double latitude, double longitude) {}

    private static final List<Place> PLACES =
            List.of(
                    new Place("New Delhi", "Delhi", "DL", 28.5672, 77.2100),
                    new Place("Mumbai", "Maharashtra", "MH", 19.0760, 72.8777),
                    new Place("Chennai", "Tamil Nadu", "TN", 13.0827, 80.2707),
                    new Place("Bengaluru", "Karnataka", "KA", 12.9716, 77.5946),
                    new Place("Hyderabad", "Telangana", "TG", 17.3850, 78.4867),
                    new Place("Kolkata", "West Bengal", "WB", 22.5726, 88.3639),
                    new Place("Pune", "Maharashtra", "MH", 18.5196, 73.8711),
                    new Place("Ahmedabad", "Gujarat", "GJ", 23.0225, 72.5714),
                    new Place("Jaipur", "Rajasthan", "RJ", 26.9124, 75.7873),
                    new Place("Lucknow", "Uttar Pradesh", "UP", 26.8467, 80.9462),
                    new Place("Kochi", "Kerala", "KL", 9.9312, 76.2673),
                    new Place("Chandigarh", "Chandigarh", "CH", 30.7333, 76.7794));

    private final TransplantCentres centres;

    DemoCentres(TransplantCentres centres) {
        this.centres = centres;
    }

    static int count() {
        return PLACES.size();
    }

    /**
     * @return whether centre {@code n} (from 0) was added (false: it was there already)
     */
    boolean add(int n, long seed, UUID coordinator, Instant now) {
        Place place = PLACES.get(n);
        UUID id = id(n, seed);
        String number =
                place.code() + "/TX/DEMO/" + (seed & 0xffff) + "/" + String.format("%03d", n + 1);
        return centres.insert(
                new TransplantCentre(
                        new TransplantCentreId(id),
                        new CentreDetails(
                                place.city() + " Institute of Transplant Sciences",
                                number,
                                place.city(),
                                place.state(),
                                new Coordinates(place.latitude(), place.longitude()),
                                programmes(n)),
                        coordinator,
                        now,
                        coordinator,
                        now,
                        0));
    }

    /** The demo centre nearest to {@code from} that transplants the organ. */
    static UUID nearest(Organ organ, Coordinates from, long seed) {
        int best = -1;
        double bestKm = Double.MAX_VALUE;
        for (int n = 0; n < PLACES.size(); n++) {
            Place place = PLACES.get(n);
            double km = from.distanceKmTo(new Coordinates(place.latitude(), place.longitude()));
            if (programmes(n).contains(organ) && km < bestKm) {
                best = n;
                bestKm = km;
            }
        }
        return id(best, seed);
    }

    private static UUID id(int n, long seed) {
        return UUID.nameUUIDFromBytes(
                ("ramsetu-demo-centre:" + seed + ":" + n).getBytes(StandardCharsets.UTF_8));
    }

    /** Every centre transplants kidneys; most livers, a third hearts, half corneas. */
    private static Set<Organ> programmes(int n) {
        Set<Organ> organs = EnumSet.of(Organ.KIDNEY);
        if (n % 4 != 3) {
            organs.add(Organ.LIVER);
        }
        if (n % 3 == 0) {
            organs.add(Organ.HEART);
        }
        if (n % 2 == 0) {
            organs.add(Organ.CORNEA);
        }
        return organs;
    }
}
