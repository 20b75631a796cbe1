package org.ramsetu.platform.registry.requests;

import org.ramsetu.platform.security.CurrentUser;
import org.springframework.modulith.NamedInterface;

/**
 * A patient was put on the waiting list for an organ; the request is {@code WAITING}. Published in
 * the transaction that stored it, so its listeners (the audit entry, the patient's mail) commit or
 * roll back with it.
 */
@NamedInterface("requests")
public record PatientListed(TransplantRequest request, CurrentUser by) {}
