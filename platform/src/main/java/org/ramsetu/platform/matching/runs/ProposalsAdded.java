package org.ramsetu.platform.matching.runs;

import java.util.List;
import java.util.UUID;
import org.ramsetu.platform.matching.matches.Match;

/**
 * A coordinator proposed candidates of a run further down its ranked list. Published in that
 * transaction; its listener writes the audit entry.
 *
 * @param coordinator who proposed them
 * @param throughRank the rank they proposed down to
 * @param added the proposals written, best first
 */
public record ProposalsAdded(MatchRun run, UUID coordinator, int throughRank, List<Match> added) {}
