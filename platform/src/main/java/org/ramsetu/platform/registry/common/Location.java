package org.ramsetu.platform.registry.common;

import java.util.Locale;
import org.ramsetu.core.geo.Coordinates;
import org.springframework.modulith.NamedInterface;

/**
 * A checked place: city, canonical state and coordinates (for distances to hospitals).
 *
 * @param city as typed (blanks collapsed)
 */
@NamedInterface("vocabulary")
public record Location(String city, String state, Coordinates coordinates) {

    /** What the city filter compares: case and blanks do not matter. */
    public String cityKey() {
        return cityKey(city);
    }

    public static String cityKey(String city) {
        return city.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
