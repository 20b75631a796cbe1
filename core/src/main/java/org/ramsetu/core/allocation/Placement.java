package org.ramsetu.core.allocation;

/**
 * Where a candidate falls in one ordered group.
 *
 * @param order the sort value inside the group: lower is offered first
 * @param label what a coordinator reads, e.g. {@code status 1}, {@code MELD-Na 31}, {@code ≤250 km}
 */
public record Placement(GroupKey key, int order, String label) {}
