package org.ramsetu.platform.centres;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.VersionedRecord;

/**
 * A transplant centre as the API gives it.
 *
 * @param programmes the organs it transplants, in the usual order
 * @param coordinators how many coordinators work for it
 * @param version send back in {@code If-Match} (or as {@code version}) when correcting it
 */
public record CentreView(
        UUID id,
        String name,
        String registrationNumber,
        String city,
        String state,
        double latitude,
        double longitude,
        List<String> programmes,
        long coordinators,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements VersionedRecord {

    static CentreView of(TransplantCentre c, long coordinators) {
        CentreDetails d = c.details();
        return new CentreView(
                c.id().value(),
                d.name(),
                d.registrationNumber(),
                d.city(),
                d.state(),
                d.coordinates().latitude(),
                d.coordinates().longitude(),
                d.programmes().stream().map(Organ::name).toList(),
                coordinators,
                c.createdAt(),
                c.updatedAt(),
                c.version());
    }
}
