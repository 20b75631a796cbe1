package org.ramsetu.platform.registry.pledges;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/admin/pledges/{id}/reject}.
 *
 * @param reason required; the donor reads it in the rejection e-mail (at most 1,000 characters)
 * @param version the version last read; instead of (or agreeing with) {@code If-Match}
 */
public record PledgeRejectionRequest(String reason, @Nullable Long version) {}
