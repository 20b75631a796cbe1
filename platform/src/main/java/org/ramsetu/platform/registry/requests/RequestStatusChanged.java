package org.ramsetu.platform.registry.requests;

import org.ramsetu.platform.security.CurrentUser;
import org.springframework.modulith.NamedInterface;

/**
 * A transplant request moved from {@code from} to its status now: matched, transplanted or removed.
 * Published in the transaction that changed it, so its listeners (the audit entry, the patient's
 * mail) commit or roll back with it.
 *
 * @param request the request as changed
 * @param by the coordinator
 * @param reason the reason given (a removal's), or null
 */
@NamedInterface("requests")
public record RequestStatusChanged(
        TransplantRequest request, RequestStatus from, CurrentUser by, String reason) {}
