package org.ramsetu.platform.centres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.organ.Organ;

/**
 * What the registry says about a centre, checked.
 *
 * @param registrationNumber as the licence gives it (blanks collapsed)
 * @param coordinates where the centre is, verified by an administrator
 * @param programmes the organs it transplants, at least one
 */
public record CentreDetails(
        String name,
        String registrationNumber,
        String city,
        String state,
        Coordinates coordinates,
        Set<Organ> programmes) {

    /**
     * What makes two registration numbers one: case and blanks do not matter, so {@code "mh/ttx/
     * 2019/01"} is {@code "MH/TTX/2019/01"}.
     */
    String registrationKey() {
        return registrationNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** The fields that differ from {@code before}, for the audit row. */
    List<String> changedFrom(CentreDetails before) {
        List<String> changed = new ArrayList<>();
        if (!name.equals(before.name)) {
            changed.add("name");
        }
        if (!registrationNumber.equals(before.registrationNumber)) {
            changed.add("registrationNumber");
        }
        if (!city.equals(before.city)) {
            changed.add("city");
        }
        if (!state.equals(before.state)) {
            changed.add("state");
        }
        if (!coordinates.equals(before.coordinates)) {
            changed.add("coordinates");
        }
        if (!programmes.equals(before.programmes)) {
            changed.add("programmes");
        }
        return changed;
    }
}
