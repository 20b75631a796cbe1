package org.ramsetu.platform.donation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.records.VersionedRecord;
import org.ramsetu.platform.registry.pledges.OrganTestResults;

/**
 * A donation case as coordinators see it. The donor is named by neither name nor contact: the
 * pledge id leads a coordinator who needs them to the pledge, and no view meant for a recipient's
 * side is built from this one.
 *
 * @param status {@code OPEN} or {@code RECOVERED}
 * @param consent {@code PLEDGE} or {@code FAMILY}
 * @param pledgeId the pledge recording the donor's own consent; null on the family's consent
 * @param kidneyRisk KDRI and KDPI computed from the record as it stands
 * @param organsRecovered null until the recovery is recorded
 * @param crossClampAt null until the recovery is recorded
 * @param assessments the recovered organs' assessments (each organ absent until recorded)
 */
public record DonationCaseView(
        UUID id,
        long version,
        String status,
        String consent,
        @Nullable UUID pledgeId,
        DonorRecordBody record,
        KidneyRisk kidneyRisk,
        @Nullable List<String> organsRecovered,
        @Nullable Instant crossClampAt,
        OrganTestResults assessments,
        UUID openedBy,
        Instant openedAt,
        UUID updatedBy,
        Instant updatedAt)
        implements VersionedRecord {

    static DonationCaseView of(DonationCase c, PercentileTable kdpiTable) {
        return new DonationCaseView(
                c.id().value(),
                c.version(),
                c.status().name(),
                c.consent().name(),
                c.pledgeId(),
                DonorRecordBody.of(c.record()),
                KidneyRisk.of(c.record(), kdpiTable),
                c.organsRecovered() == null
                        ? null
                        : DonorRecordBody.organNames(c.organsRecovered()),
                c.crossClampAt(),
                OrganTestResults.of(c.assessments()),
                c.openedBy(),
                c.openedAt(),
                c.updatedBy(),
                c.updatedAt());
    }
}
