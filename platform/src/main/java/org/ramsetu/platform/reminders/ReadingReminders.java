package org.ramsetu.platform.reminders;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.attention.ReminderView;
import org.ramsetu.platform.registry.attention.Reminders;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;

/**
 * The reminders as coordinators read them on the console. Coordinators only; every listing shown
 * (its MELD and centre are medical data) leaves a {@code MEDICAL_RECORD_READ} audit row, as in the
 * waiting list itself.
 */
public class ReadingReminders {

    private final Reminders reminders;
    private final RecordAccess access;
    private final Clock clock;
    private final Duration labsDueWithin;
    private final Duration pledgePendingAfter;
    private final Duration listingPendingAfter;

    public ReadingReminders(
            Reminders reminders,
            RecordAccess access,
            Clock clock,
            Duration labsDueWithin,
            Duration pledgePendingAfter,
            Duration listingPendingAfter) {
        this.reminders = reminders;
        this.access = access;
        this.clock = clock;
        this.labsDueWithin = labsDueWithin;
        this.pledgePendingAfter = pledgePendingAfter;
        this.listingPendingAfter = listingPendingAfter;
    }

    /** How many there are of each kind, and the settings that define them (in hours). */
    public record Summary(
            long labsDue,
            long pledgesPending,
            long listingsPending,
            long labsDueWithinHours,
            long pledgePendingAfterHours,
            long listingPendingAfterHours) {}

    /**
     * @param kind {@code LABS_DUE}, {@code PLEDGE_PENDING}, {@code LISTING_PENDING} (any case) or
     *     null for all
     * @throws DomainException Forbidden for anyone but a coordinator, InvalidInput for an unknown
     *     kind
     */
    public Page<ReminderView> list(CurrentUser user, String kind, PageRequest page) {
        requireCoordinator(user);
        String checkedKind = kind(kind);
        var now = Sql.now(clock);
        return Page.of(
                        reminders.list(checkedKind, now, page.after(), page.limit() + 1),
                        page.limit(),
                        r -> new Cursor(r.view().dueAt(), r.view().id()))
                .map(
                        r ->
                                access.read(
                                                user,
                                                isListing(r) ? "transplant request" : "pledge",
                                                r.view().id(),
                                                Optional.of(r),
                                                Reminders.Reminder::owner,
                                                isListing(r)
                                                        ? RecordAccess.Sensitivity.MEDICAL
                                                        : RecordAccess.Sensitivity.ORDINARY)
                                        .view());
    }

    /**
     * @throws DomainException Forbidden for anyone but a coordinator
     */
    public Summary summary(CurrentUser user) {
        requireCoordinator(user);
        Reminders.Counts counts = reminders.count(Sql.now(clock));
        return new Summary(
                counts.labsDue(),
                counts.pledgesPending(),
                counts.listingsPending(),
                labsDueWithin.toHours(),
                pledgePendingAfter.toHours(),
                listingPendingAfter.toHours());
    }

    private static boolean isListing(Reminders.Reminder r) {
        return !ReminderView.PLEDGE_PENDING.equals(r.view().kind());
    }

    private static void requireCoordinator(CurrentUser user) {
        user.requireCoordinator("read reminders; you can follow your own records in your portal");
    }

    private static String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        String key = kind.strip().toUpperCase(Locale.ROOT);
        if (!key.equals(ReminderView.LABS_DUE)
                && !key.equals(ReminderView.PLEDGE_PENDING)
                && !key.equals(ReminderView.LISTING_PENDING)) {
            throw InvalidInput.field("kind", "must be LABS_DUE, PLEDGE_PENDING or LISTING_PENDING");
        }
        return key;
    }
}
