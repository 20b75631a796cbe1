package org.ramsetu.platform.registry.pledges;

import java.util.List;
import java.util.UUID;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.registry.common.BloodGroupFilter;
import org.ramsetu.platform.registry.common.IndianStates;
import org.ramsetu.platform.registry.common.Location;
import org.springframework.modulith.NamedInterface;

/**
 * What a pledge list asks for; every part optional.
 *
 * @param donorId only this donor's pledges (always set for a donor's own list)
 * @param cityKey the donor's city, compared case-insensitively
 * @param bloodGroups the donor's blood group is one of these
 */
@NamedInterface("pledges")
public record PledgeFilter(
        UUID donorId,
        PledgeStatus status,
        Organ organ,
        String cityKey,
        String state,
        List<String> bloodGroups) {

    /** From the query parameters; each bad value is a 400 naming its parameter. */
    public static PledgeFilter of(
            String status, String organ, String city, String state, String bloodGroup) {
        String cityText = Fields.optionalLine("city", city, 100);
        return new PledgeFilter(
                null,
                Fields.optionalEnum("status", status, PledgeStatus.class),
                Fields.optionalEnum("organ", organ, Organ.class),
                cityText == null ? null : Location.cityKey(cityText),
                state == null || state.isBlank() ? null : IndianStates.canonical("state", state),
                BloodGroupFilter.groups("bloodGroup", bloodGroup));
    }

    PledgeFilter ofDonor(UUID donor) {
        return new PledgeFilter(donor, status, organ, cityKey, state, bloodGroups);
    }
}
