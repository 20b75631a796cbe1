package org.ramsetu.platform.registry.pledges;

import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.modulith.NamedInterface;

/**
 * A pledge moved from {@code from} to its status now: verified, rejected, withdrawn or donated.
 * Published in the transaction that changed it, so its listeners (the audit entry, the donor's
 * mail) commit or roll back with it.
 *
 * @param pledge the pledge as changed
 * @param by the coordinator, or the donor who withdrew
 * @param reason the reason given (a rejection's), or null
 * @param action what changed it
 */
@NamedInterface("pledges")
public record PledgeStatusChanged(
        Pledge pledge, PledgeStatus from, CurrentUser by, String reason, PledgeAction action) {}
