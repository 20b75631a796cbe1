package org.ramsetu.platform.donation;

/**
 * Whose consent a donation rests on: the donor's own, recorded by a verified pledge, or the
 * family's, given at the hospital for a donor who never pledged (and always for children).
 */
public enum ConsentBasis {
    PLEDGE,
    FAMILY
}
