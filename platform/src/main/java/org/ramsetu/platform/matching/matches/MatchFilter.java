package org.ramsetu.platform.matching.matches;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;

/**
 * What {@code GET /matches} narrows to; every field optional.
 *
 * @param search a part of the patient's or the donor's name or e-mail address, lower-cased
 *     (coordinators only: anyone else would learn the other party's name)
 */
public record MatchFilter(
        @Nullable MatchStatus status,
        @Nullable Organ organ,
        @Nullable UUID requestId,
        @Nullable UUID pledgeId,
        @Nullable UUID runId,
        @Nullable UUID patientId,
        @Nullable UUID donorId,
        @Nullable String search) {

    /** The longest search text: more than any name or address part a coordinator types. */
    static final int MAX_SEARCH = 100;

    /**
     * @throws DomainException InvalidInput naming a parameter that is not valid ({@code q} over
     *     {@link #MAX_SEARCH} characters or on several lines)
     */
    public static MatchFilter of(
            @Nullable String status,
            @Nullable String organ,
            @Nullable UUID requestId,
            @Nullable UUID pledgeId,
            @Nullable UUID runId,
            @Nullable String search) {
        String line = Fields.optionalLine("q", search, MAX_SEARCH);
        return new MatchFilter(
                status == null ? null : Fields.requiredEnum("status", status, MatchStatus.class),
                organ == null ? null : Fields.requiredEnum("organ", organ, Organ.class),
                requestId,
                pledgeId,
                runId,
                null,
                null,
                line == null ? null : line.toLowerCase(Locale.ROOT));
    }

    /** A patient sees only the matches proposed for their own requests. */
    MatchFilter ofPatient(UUID patient) {
        return new MatchFilter(status, organ, requestId, pledgeId, runId, patient, null, search);
    }

    /** A donor sees only the approved matches of their own pledges. */
    MatchFilter ofDonor(UUID donor) {
        return new MatchFilter(
                MatchStatus.APPROVED, organ, requestId, pledgeId, runId, null, donor, search);
    }
}
