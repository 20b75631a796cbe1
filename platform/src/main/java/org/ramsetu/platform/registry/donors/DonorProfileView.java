package org.ramsetu.platform.registry.donors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.registry.common.HlaBody;
import org.ramsetu.platform.registry.common.LocationBody;
import org.ramsetu.platform.registry.common.ProfileView;

/** A donor profile as its owner (and coordinators) see it. */
public record DonorProfileView(
        UUID accountId,
        String bloodGroup,
        LocalDate dateOfBirth,
        String sex,
        double heightCm,
        double weightKg,
        LocationBody location,
        @Nullable HlaBody hla,
        MedicalHistoryBody medicalHistory,
        boolean consent,
        Instant consentGivenAt,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements ProfileView {

    static DonorProfileView of(DonorProfile p) {
        return new DonorProfileView(
                p.accountId(),
                p.person().bloodGroup().toString(),
                p.person().dateOfBirth(),
                p.person().sex().name(),
                p.person().heightCm(),
                p.person().weightKg(),
                LocationBody.of(p.location()),
                HlaBody.of(p.hla()),
                MedicalHistoryBody.of(p.medicalHistory()),
                true,
                p.consentGivenAt(),
                p.createdAt(),
                p.updatedAt(),
                p.version());
    }
}
