package org.ramsetu.platform.reminders;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the coordinators' reminders ({@code ramsetu.reminders.*}); docs/reminders.md lists
 * them.
 *
 * @param labsDueWithin a waiting listing is listed once its labs expire within this time (and while
 *     they are overdue)
 * @param pledgePendingAfter a pledge is listed once it has waited this long for verification
 * @param listingPendingAfter a transplant request is listed once it has waited this long for its
 *     centre's verification (it is out of allocation meanwhile, so shorter than for pledges)
 * @param at time of day the digest mail goes out, in {@code zone}
 * @param zone where the registry's day is (one digest per coordinator per day of this zone)
 * @param consoleUrl the console's address as coordinators open it, e.g. {@code
 *     https://ramsetu.example.in}; empty: the mail names the page without a link
 * @param digestItems items of each kind written into a mail; the rest are counted and on the
 *     console
 */
@ConfigurationProperties("ramsetu.reminders")
public record RemindersProperties(
        @DefaultValue("7d") Duration labsDueWithin,
        @DefaultValue("3d") Duration pledgePendingAfter,
        @DefaultValue("1d") Duration listingPendingAfter,
        @DefaultValue("08:00") String at,
        @DefaultValue("Asia/Kolkata") String zone,
        @DefaultValue("") String consoleUrl,
        @DefaultValue("50") int digestItems) {

    public RemindersProperties {
        if (labsDueWithin.isNegative()
                || pledgePendingAfter.isNegative()
                || listingPendingAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "ramsetu.reminders.labs-due-within, pledge-pending-after and"
                            + " listing-pending-after must not be negative");
        }
        LocalTime.parse(at);
        ZoneId.of(zone);
        if (digestItems < 1 || digestItems > 500) {
            throw new IllegalArgumentException("ramsetu.reminders.digest-items must be 1 to 500");
        }
        consoleUrl = consoleUrl == null ? "" : consoleUrl.strip().replaceAll("/+$", "");
    }

    public LocalTime time() {
        return LocalTime.parse(at);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
