package org.ramsetu.platform.matching.matches;

import org.ramsetu.platform.security.CurrentUser;

/**
 * A coordinator declined a proposed match with a reason code (and a note). Published in the
 * decision's transaction, so its listeners (the audit entry, the patient's mail) commit or roll
 * back with it.
 *
 * @param match the match as declined
 */
public record MatchDeclined(Match match, CurrentUser by) {}
