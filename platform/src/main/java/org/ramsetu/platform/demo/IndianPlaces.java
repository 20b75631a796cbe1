package org.ramsetu.platform.demo;

import java.util.List;
import java.util.SplittableRandom;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.platform.registry.common.Location;

/**
 * Cities of India with their state and real coordinates (city centres, to four decimals), weighted
 * roughly by population so that demo donors and patients cluster where people live.
 */
final class IndianPlaces {

    record City(String name, String state, double latitude, double longitude, int weight) {
        Location location() {
            return new Location(name, state, new Coordinates(latitude, longitude));
        }
    }

    static final List<City> CITIES =
            List.of(
                    new City("Mumbai", "Maharashtra", 19.0760, 72.8777, 20),
                    new City("Delhi", "Delhi", 28.6139, 77.2090, 20),
                    new City("Bengaluru", "Karnataka", 12.9716, 77.5946, 12),
                    new City("Hyderabad", "Telangana", 17.3850, 78.4867, 10),
                    new City("Ahmedabad", "Gujarat", 23.0225, 72.5714, 8),
                    new City("Chennai", "Tamil Nadu", 13.0827, 80.2707, 10),
                    new City("Kolkata", "West Bengal", 22.5726, 88.3639, 14),
                    new City("Pune", "Maharashtra", 18.5204, 73.8567, 7),
                    new City("Jaipur", "Rajasthan", 26.9124, 75.7873, 4),
                    new City("Lucknow", "Uttar Pradesh", 26.8467, 80.9462, 4),
                    new City("Kanpur", "Uttar Pradesh", 26.4499, 80.3319, 3),
                    new City("Nagpur", "Maharashtra", 21.1458, 79.0882, 3),
                    new City("Indore", "Madhya Pradesh", 22.7196, 75.8577, 3),
                    new City("Bhopal", "Madhya Pradesh", 23.2599, 77.4126, 2),
                    new City("Patna", "Bihar", 25.5941, 85.1376, 2),
                    new City("Vadodara", "Gujarat", 22.3072, 73.1812, 2),
                    new City("Ludhiana", "Punjab", 30.9010, 75.8573, 2),
                    new City("Agra", "Uttar Pradesh", 27.1767, 78.0081, 2),
                    new City("Nashik", "Maharashtra", 19.9975, 73.7898, 2),
                    new City("Varanasi", "Uttar Pradesh", 25.3176, 82.9739, 2),
                    new City("Srinagar", "Jammu and Kashmir", 34.0837, 74.7973, 1),
                    new City("Amritsar", "Punjab", 31.6340, 74.8723, 1),
                    new City("Coimbatore", "Tamil Nadu", 11.0168, 76.9558, 2),
                    new City("Madurai", "Tamil Nadu", 9.9252, 78.1198, 1),
                    new City("Kochi", "Kerala", 9.9312, 76.2673, 2),
                    new City("Thiruvananthapuram", "Kerala", 8.5241, 76.9366, 1),
                    new City("Visakhapatnam", "Andhra Pradesh", 17.6868, 83.2185, 2),
                    new City("Vijayawada", "Andhra Pradesh", 16.5062, 80.6480, 1),
                    new City("Bhubaneswar", "Odisha", 20.2961, 85.8245, 1),
                    new City("Guwahati", "Assam", 26.1445, 91.7362, 1),
                    new City("Ranchi", "Jharkhand", 23.3441, 85.3096, 1),
                    new City("Raipur", "Chhattisgarh", 21.2514, 81.6296, 1),
                    new City("Chandigarh", "Chandigarh", 30.7333, 76.7794, 1),
                    new City("Dehradun", "Uttarakhand", 30.3165, 78.0322, 1),
                    new City("Mysuru", "Karnataka", 12.2958, 76.6394, 1),
                    new City("Mangaluru", "Karnataka", 12.9141, 74.8560, 1),
                    new City("Surat", "Gujarat", 21.1702, 72.8311, 4),
                    new City("Jodhpur", "Rajasthan", 26.2389, 73.0243, 1),
                    new City("Shillong", "Meghalaya", 25.5788, 91.8933, 1),
                    new City("Panaji", "Goa", 15.4909, 73.8278, 1));

    private static final int TOTAL_WEIGHT = CITIES.stream().mapToInt(City::weight).sum();

    private IndianPlaces() {}

    static City pick(SplittableRandom random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (City city : CITIES) {
            ticket -= city.weight();
            if (ticket < 0) {
                return city;
            }
        }
        throw new IllegalStateException("weights add up to " + TOTAL_WEIGHT);
    }
}
