package org.ramsetu.core.archfixture.cycle.second;

import org.ramsetu.core.archfixture.cycle.first.FirstHalfOfACycle;

/** The other half of the planted package cycle. */
public final class SecondHalfOfACycle {

    FirstHalfOfACycle other;
}
