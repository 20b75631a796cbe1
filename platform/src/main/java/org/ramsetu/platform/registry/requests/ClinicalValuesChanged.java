package org.ramsetu.platform.registry.requests;

import java.util.List;
import org.ramsetu.platform.security.CurrentUser;

/**
 * The patient changed a request's clinical values; the request awaits its centre's check again.
 * Published in the transaction of the change (its audit entry, the patient's mail).
 *
 * @param from the status before ({@code WAITING} or {@code PENDING_VERIFICATION})
 * @param changed the fields whose values changed, e.g. {@code liver.inr}
 */
public record ClinicalValuesChanged(
        TransplantRequest request, RequestStatus from, List<String> changed, CurrentUser by) {}
