package org.ramsetu.platform.centres;

import java.util.List;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;

/**
 * A transplant centre as every signed-in user sees it, so that a patient can name the centre they
 * are listed at: no coordinates, licence or staff.
 *
 * @param programmes the organs it transplants, in the usual order
 */
public record CentreListingView(
        UUID id, String name, String city, String state, List<String> programmes) {

    static CentreListingView of(TransplantCentre c) {
        CentreDetails d = c.details();
        return new CentreListingView(
                c.id().value(),
                d.name(),
                d.city(),
                d.state(),
                d.programmes().stream().map(Organ::name).toList());
    }
}
