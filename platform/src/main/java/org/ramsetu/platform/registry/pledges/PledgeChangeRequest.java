package org.ramsetu.platform.registry.pledges;

import org.jspecify.annotations.Nullable;

/**
 * The optional body of {@code POST /pledges/{id}/withdraw} and {@code POST
 * /admin/pledges/{id}/verify}.
 *
 * @param version the version last read; instead of (or agreeing with) {@code If-Match}
 */
public record PledgeChangeRequest(@Nullable Long version) {}
