package org.ramsetu.platform.registry.nightly;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.ramsetu.core.scores.LabRecertification;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nightly recomputation ({@code ramsetu.registry.nightly.*}); docs/reminders.md
 * lists them.
 *
 * @param at time of day the run starts, in {@code zone} (quiet hours for Indian centres)
 * @param zone where the registry's day is: the run's time and "today" for ages
 * @param chunkSize waiting listings read and written per transaction
 * @param otherOrgansLabsValidFor how long the clinical values of a kidney, heart or cornea listing
 *     stay current (livers follow the MELD schedule)
 */
@ConfigurationProperties("ramsetu.registry.nightly")
public record NightlyRecomputeProperties(
        @DefaultValue("02:30") String at,
        @DefaultValue("Asia/Kolkata") String zone,
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("365d") Duration otherOrgansLabsValidFor) {

    public NightlyRecomputeProperties {
        LocalTime.parse(at);
        ZoneId.of(zone);
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new IllegalArgumentException(
                    "ramsetu.registry.nightly.chunk-size must be 1 to 10000");
        }
        new LabRecertification(otherOrgansLabsValidFor);
    }

    public LocalTime time() {
        return LocalTime.parse(at);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public LabRecertification schedule() {
        return new LabRecertification(otherOrgansLabsValidFor);
    }
}
