package org.ramsetu.platform.reminders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.registry.attention.ReminderView;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.PageLimit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/reminders}: what coordinators should act on — listings whose labs are due for
 * recertification and pledges waiting for verification — the same lists as the daily digest mail.
 */
@Tag(name = "Reminders", description = "Reminders due to the signed-in account")
@RestController
@RequestMapping("/api/v1/reminders")
public class RemindersController {

    private final ReadingReminders reading;

    public RemindersController(ReadingReminders reading) {
        this.reading = reading;
    }

    /**
     * Most overdue first.
     *
     * @param kind {@code LABS_DUE} or {@code PLEDGE_PENDING}; both when absent
     * @param after the {@code nextCursor} of the previous page
     */
    @Operation(operationId = "listReminders")
    @GetMapping
    public Page<ReminderView> list(
            CurrentUser user,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return reading.list(user, kind, PageRequest.of(limit, after));
    }

    /** The counts of each kind and the settings behind them, for the console's dashboard. */
    @Operation(operationId = "getReminderSummary")
    @GetMapping("/summary")
    public ReadingReminders.Summary summary(CurrentUser user) {
        return reading.summary(user);
    }
}
