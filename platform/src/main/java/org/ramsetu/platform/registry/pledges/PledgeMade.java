package org.ramsetu.platform.registry.pledges;

import org.ramsetu.platform.security.CurrentUser;
import org.springframework.modulith.NamedInterface;

/**
 * A donor pledged an organ; the pledge is {@code PENDING} verification. Published in the
 * transaction that stored it, so its listeners (the audit entry, the donor's mail) commit or roll
 * back with it.
 */
@NamedInterface("pledges")
public record PledgeMade(Pledge pledge, CurrentUser by) {}
