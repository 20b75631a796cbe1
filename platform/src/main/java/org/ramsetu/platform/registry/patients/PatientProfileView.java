package org.ramsetu.platform.registry.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.registry.common.HlaBody;
import org.ramsetu.platform.registry.common.HlaText;
import org.ramsetu.platform.registry.common.ProfileView;

/** A patient profile as its owner (and coordinators) see it. */
public record PatientProfileView(
        UUID accountId,
        String bloodGroup,
        LocalDate dateOfBirth,
        String sex,
        double heightCm,
        double weightKg,
        @Nullable HlaBody hla,
        List<String> unacceptableAntigens,
        HospitalBody hospital,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements ProfileView {

    static PatientProfileView of(PatientProfile p) {
        return new PatientProfileView(
                p.accountId(),
                p.person().bloodGroup().toString(),
                p.person().dateOfBirth(),
                p.person().sex().name(),
                p.person().heightCm(),
                p.person().weightKg(),
                HlaBody.of(p.hla()),
                HlaText.names(p.unacceptableAntigens()),
                HospitalBody.of(p.hospital()),
                p.createdAt(),
                p.updatedAt(),
                p.version());
    }
}
