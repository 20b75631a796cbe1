package org.ramsetu.platform.registry.attention;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.springframework.modulith.NamedInterface;

/**
 * One thing a coordinator should act on. No patient or donor names: the id, the organ and the
 * centre are enough to find the record on the console, where reading it is audited.
 *
 * @param kind {@code LABS_DUE}: a waiting listing's clinical values expire (or expired) and must be
 *     recertified; {@code PLEDGE_PENDING}: a pledge waits for verification; {@code
 *     LISTING_PENDING}: a transplant request waits for its centre's verification, out of allocation
 *     meanwhile
 * @param id the transplant request's or the pledge's id
 * @param dueAt when the labs expire, or when the pledge's or listing's wait passed the setting
 * @param overdue whether {@code dueAt} has passed
 * @param since when the labs were reported, the pledge was made, or the listing became pending
 * @param meld for liver listings, the MELD whose band sets the schedule; otherwise null
 * @param hospitalName the listing's treating hospital (centre); null for pledges
 * @param city the hospital's city, or the donor's
 * @param state the hospital's state, or the donor's
 */
@NamedInterface("attention")
public record ReminderView(
        String kind,
        UUID id,
        @Schema(implementation = Organ.class) String organ,
        Instant dueAt,
        boolean overdue,
        Instant since,
        @Nullable Integer meld,
        @Nullable String hospitalName,
        String city,
        String state) {

    public static final String LABS_DUE = "LABS_DUE";
    public static final String PLEDGE_PENDING = "PLEDGE_PENDING";
    public static final String LISTING_PENDING = "LISTING_PENDING";
}
