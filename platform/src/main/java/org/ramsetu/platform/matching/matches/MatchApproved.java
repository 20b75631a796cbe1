package org.ramsetu.platform.matching.matches;

import java.util.List;
import org.ramsetu.platform.security.CurrentUser;

/**
 * A coordinator approved a match: its pledge is donated, its request matched, and the other open
 * proposals of that pledge and of that request were declined with it. Published in the approval's
 * transaction, so its listeners (the audit entries, the parties' mails) commit or roll back with
 * it.
 *
 * @param match the match as approved
 * @param alsoDeclined the proposals the approval declined, as declined
 */
public record MatchApproved(Match match, CurrentUser by, List<Match> alsoDeclined) {}
