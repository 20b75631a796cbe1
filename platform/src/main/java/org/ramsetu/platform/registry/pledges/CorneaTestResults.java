package org.ramsetu.platform.registry.pledges;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.donor.CorneaTests;
import org.ramsetu.core.donor.EyeHealth;
import org.ramsetu.core.donor.InfectionStatus;
import org.ramsetu.core.donor.ViralMarker;
import org.ramsetu.core.geo.StorageMedium;
import org.ramsetu.platform.kernel.Fields;

/**
 * Cornea test results of a pledge; every field optional (not yet reported).
 *
 * @param endothelialCellDensity cells/mm² (200–5,000; above 2,000 for optical grafts)
 * @param eyeHealth {@code GOOD}, {@code AVERAGE} or {@code OTHER}
 * @param infection {@code NONE}, {@code SUSPECTED} or {@code CONFIRMED}
 * @param serology {@code NEGATIVE}, {@code POSITIVE} or {@code UNKNOWN}
 * @param deathToEnucleationHours hours (0–48; at most 6 in Indian practice)
 * @param storageMedium {@code MOIST_CHAMBER}, {@code MK_MEDIUM}, {@code OPTISOL_GS} or {@code
 *     ORGAN_CULTURE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CorneaTestResults(
        @Nullable Double endothelialCellDensity,
        @Nullable String eyeHealth,
        @Nullable String infection,
        @Nullable String serology,
        @Nullable Double deathToEnucleationHours,
        @Nullable String storageMedium) {

    CorneaTests toCore() {
        return new CorneaTests(
                endothelialCellDensity,
                Fields.optionalEnum("cornea.eyeHealth", eyeHealth, EyeHealth.class),
                Fields.optionalEnum("cornea.infection", infection, InfectionStatus.class),
                Fields.optionalEnum("cornea.serology", serology, ViralMarker.class),
                deathToEnucleationHours,
                Fields.optionalEnum("cornea.storageMedium", storageMedium, StorageMedium.class));
    }

    static CorneaTestResults of(CorneaTests t) {
        return new CorneaTestResults(
                t.endothelialCellDensity(),
                PledgeTests.name(t.eyeHealth()),
                PledgeTests.name(t.infection()),
                PledgeTests.name(t.serology()),
                t.deathToEnucleationHours(),
                PledgeTests.name(t.storageMedium()));
    }
}
