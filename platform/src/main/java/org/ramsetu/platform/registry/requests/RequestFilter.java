package org.ramsetu.platform.registry.requests;

import java.util.List;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.registry.common.BloodGroupFilter;
import org.ramsetu.platform.registry.common.IndianStates;
import org.ramsetu.platform.registry.common.Location;
import org.springframework.modulith.NamedInterface;

/**
 * What a transplant request list asks for; every part optional.
 *
 * @param patientId only this patient's requests (always set for a patient's own list)
 * @param cityKey the treating hospital's city, compared case-insensitively
 * @param state the treating hospital's state
 * @param bloodGroups the patient's blood group is one of these
 */
@NamedInterface("requests")
public record RequestFilter(
        UUID patientId,
        RequestStatus status,
        Organ organ,
        String cityKey,
        String state,
        List<String> bloodGroups) {

    /** From the query parameters; each bad value is a 400 naming its parameter. */
    public static RequestFilter of(
            String status, String organ, String city, String state, String bloodGroup) {
        String cityText = Fields.optionalLine("city", city, 100);
        return new RequestFilter(
                null,
                Fields.optionalEnum("status", status, RequestStatus.class),
                Fields.optionalEnum("organ", organ, Organ.class),
                cityText == null ? null : Location.cityKey(cityText),
                state == null || state.isBlank() ? null : IndianStates.canonical("state", state),
                BloodGroupFilter.groups("bloodGroup", bloodGroup));
    }

    RequestFilter ofPatient(UUID patient) {
        return new RequestFilter(patient, status, organ, cityKey, state, bloodGroups);
    }
}
