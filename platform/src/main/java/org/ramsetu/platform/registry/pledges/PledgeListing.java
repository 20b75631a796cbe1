package org.ramsetu.platform.registry.pledges;

/**
 * A pledge with the donor facts coordinators filter and sort by (from the donor's profile).
 *
 * @param bloodGroup e.g. {@code O+}
 */
public record PledgeListing(Pledge pledge, String bloodGroup, String city, String state) {}
