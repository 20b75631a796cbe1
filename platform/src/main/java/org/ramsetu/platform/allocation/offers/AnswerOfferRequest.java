package org.ramsetu.platform.allocation.offers;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A centre's answer to an offer.
 *
 * @param answer {@code ACCEPT}, {@code PROVISIONAL_YES} (pending a crossmatch or an assessment) or
 *     {@code DECLINE}
 * @param reason a decline's coded reason (required with {@code DECLINE}, refused otherwise): {@code
 *     DONOR_QUALITY}, {@code DONOR_SIZE}, {@code ORGAN_DAMAGE}, {@code POSITIVE_CROSSMATCH}, {@code
 *     PATIENT_UNAVAILABLE}, {@code PATIENT_UNFIT}, {@code PATIENT_REFUSED}, {@code LOGISTICS},
 *     {@code OTHER}
 * @param note free text for the record, up to 1,000 characters
 * @param version the offer's version read, unless {@code If-Match} gives it
 */
public record AnswerOfferRequest(
        @Nullable @Schema(example = "DECLINE") String answer,
        @Nullable @Schema(example = "POSITIVE_CROSSMATCH") String reason,
        @Nullable @Schema(maxLength = MakingOffers.MAX_NOTE) String note,
        @Nullable Long version) {}
