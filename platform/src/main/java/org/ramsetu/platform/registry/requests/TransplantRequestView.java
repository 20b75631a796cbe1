package org.ramsetu.platform.registry.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.VersionedRecord;

/**
 * A transplant request as the API shows it; only the values of the requested organ are present.
 *
 * @param waitingDays whole days from listing to now, or to transplant or removal
 * @param patient the patient's blood group and treating hospital, from their profile
 * @param centre the transplant centre the patient is listed at; absent when none is named yet
 * @param verification the centre's check of the clinical values and urgency; absent while {@code
 *     PENDING_VERIFICATION} for the first time
 * @param unverifiedFields the clinical fields changed since that check, which the centre checks
 *     again (e.g. {@code liver.inr}); absent when none
 * @param labsDueAt when the lab values must be reported again (recertification by organ and MELD);
 *     absent for requests without lab values
 * @param version send back as {@code If-Match} (or {@code version}) with a change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransplantRequestView(
        UUID id,
        UUID patientId,
        @Schema(implementation = Organ.class) String organ,
        @Schema(implementation = RequestStatus.class) String status,
        int urgency,
        @Nullable LiverValues liver,
        @Nullable KidneyValues kidney,
        @Nullable HeartValues heart,
        @Nullable CorneaValues cornea,
        ScoresView scores,
        Instant listedAt,
        long waitingDays,
        @Nullable String removalReason,
        PatientSummary patient,
        @Nullable CentreSummary centre,
        @Nullable VerificationSummary verification,
        @Nullable List<String> unverifiedFields,
        @Nullable Instant labsDueAt,
        Instant statusChangedAt,
        long version)
        implements VersionedRecord {

    /**
     * @param fullName the patient's name, as their account holds it (for the coordinators' lists;
     *     absent for an erased account)
     */
    public record PatientSummary(
            String bloodGroup,
            String hospitalName,
            String city,
            String state,
            @Nullable String fullName) {}

    /** The centre's name and place, as the register of centres gives them. */
    public record CentreSummary(UUID id, String name, String city, String state) {}

    /**
     * @param verifiedAt when a coordinator of the centre last verified the clinical values
     * @param urgencyEvidence what the centre's urgency rests on
     */
    public record VerificationSummary(Instant verifiedAt, String urgencyEvidence) {}

    static TransplantRequestView of(RequestListing listing, Instant now) {
        TransplantRequest r = listing.request();
        ClinicalValues c = r.clinical();
        Instant waitedUntil =
                RequestStateMachine.OPEN.contains(r.status()) ? now : r.statusChangedAt();
        return new TransplantRequestView(
                r.id(),
                r.patientId(),
                r.organ().name(),
                r.status().name(),
                r.urgency(),
                c instanceof LiverValues v ? v : null,
                c instanceof KidneyValues v ? v : null,
                c instanceof HeartValues v ? v : null,
                c instanceof CorneaValues v ? v : null,
                ScoresView.of(r.organ(), r.scores()),
                r.listedAt(),
                Math.max(0, Duration.between(r.listedAt(), waitedUntil).toDays()),
                r.removalReason(),
                new PatientSummary(
                        listing.bloodGroup(),
                        listing.hospitalName(),
                        listing.city(),
                        listing.state(),
                        listing.patientName()),
                r.centreId() == null || listing.centreName() == null
                        ? null
                        : new CentreSummary(
                                r.centreId(),
                                listing.centreName(),
                                listing.centreCity(),
                                listing.centreState()),
                r.verification() == null
                        ? null
                        : new VerificationSummary(
                                r.verification().at(), r.verification().evidence()),
                r.unverifiedFields().isEmpty() ? null : r.unverifiedFields(),
                listing.labsDueAt(),
                r.statusChangedAt(),
                r.version());
    }
}
