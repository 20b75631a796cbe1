package org.ramsetu.platform.registry.pledges;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.VersionedRecord;

/**
 * A pledge as the API shows it. Only the test results of the pledged organ are present.
 *
 * @param donor the donor's blood group and place, from their profile
 * @param version send back as {@code If-Match} (or {@code version}) with a change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PledgeView(
        UUID id,
        UUID donorId,
        @Schema(implementation = Organ.class) String organ,
        @Schema(implementation = PledgeStatus.class) String status,
        Instant consentGivenAt,
        @Nullable KidneyTestResults kidney,
        @Nullable LiverTestResults liver,
        @Nullable HeartTestResults heart,
        @Nullable CorneaTestResults cornea,
        @Nullable String rejectionReason,
        DonorSummary donor,
        Instant createdAt,
        Instant statusChangedAt,
        long version)
        implements VersionedRecord {

    public record DonorSummary(String bloodGroup, String city, String state) {}

    static PledgeView of(PledgeListing listing) {
        Pledge p = listing.pledge();
        Object tests = PledgeTests.body(p.tests());
        return new PledgeView(
                p.id(),
                p.donorId(),
                p.organ().name(),
                p.status().name(),
                p.consentGivenAt(),
                tests instanceof KidneyTestResults k ? k : null,
                tests instanceof LiverTestResults l ? l : null,
                tests instanceof HeartTestResults h ? h : null,
                tests instanceof CorneaTestResults c ? c : null,
                p.rejectionReason(),
                new DonorSummary(listing.bloodGroup(), listing.city(), listing.state()),
                p.createdAt(),
                p.statusChangedAt(),
                p.version());
    }
}
