package org.ramsetu.platform.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;

/**
 * Calendar months of the national registry: they begin and end at midnight in India, whatever zone
 * a server runs in, so a pledge made at 01:00 IST on the 1st counts in the new month.
 */
final class ReportMonths {

    static final ZoneId REGISTRY_ZONE = ZoneId.of("Asia/Kolkata");

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    /** The registry holds nothing older; earlier months are a typing error. */
    private static final YearMonth EARLIEST = YearMonth.of(2000, 1);

    private ReportMonths() {}

    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(REGISTRY_ZONE).toInstant();
    }

    static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    /** The month before the one {@code at} falls in: what a run on the 1st reports. */
    static YearMonth previous(Instant at) {
        return YearMonth.from(at.atZone(REGISTRY_ZONE)).minusMonths(1);
    }

    /**
     * @throws DomainException InvalidInput naming the field {@code month} unless {@code text} is
     *     like {@code 2026-05}
     */
    static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip(), MONTH);
        } catch (DateTimeParseException e) {
            throw InvalidInput.field("month", "must be a month like 2026-05, got '" + text + "'");
        }
    }

    /**
     * A month as a coordinator gives it ({@code 2026-05}), which must have ended: a report of a
     * month still running would be stored as final with half its figures.
     *
     * @throws DomainException InvalidInput naming the field {@code month}
     */
    static YearMonth parseComplete(String text, Clock clock) {
        YearMonth month = parse(text);
        YearMonth current = YearMonth.now(clock.withZone(REGISTRY_ZONE));
        if (!month.isBefore(current)) {
            throw InvalidInput.field(
                    "month",
                    month
                            + " has not ended yet (India time); the latest month with a report is "
                            + current.minusMonths(1));
        }
        if (month.isBefore(EARLIEST)) {
            throw InvalidInput.field("month", "must be " + EARLIEST + " or later");
        }
        return month;
    }
}
