package org.ramsetu.core.archfixture.cycle.first;

import org.ramsetu.core.archfixture.cycle.second.SecondHalfOfACycle;

/** A planted package cycle (first → second → first) that ArchitectureTest must catch. */
public final class FirstHalfOfACycle {

    SecondHalfOfACycle other;
}
