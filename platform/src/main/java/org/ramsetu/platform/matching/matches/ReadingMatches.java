package org.ramsetu.platform.matching.matches;

import java.util.List;
import java.util.UUID;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.matching.MatchingAuditActions;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.security.CurrentUser;

/**
 * {@code GET /matches} for each role: coordinators all (filterable, each match they read audited
 * like any medical record), patients their own (donor hidden until approval), donors the approved
 * matches of their pledges.
 */
public class ReadingMatches {

    private final Matches matches;
    private final MatchViews views;
    private final AuditLog audit;

    ReadingMatches(Matches matches, MatchViews views, AuditLog audit) {
        this.matches = matches;
        this.views = views;
        this.audit = audit;
    }

    /**
     * @throws DomainException InvalidInput for a donor's filter on another status, Forbidden for a
     *     search by anyone but a coordinator or for a role that has no matches
     */
    public Page<MatchView> list(CurrentUser user, MatchFilter filter, PageRequest page) {
        MatchFilter scoped;
        if (user.isCoordinator()) {
            scoped = filter;
        } else if (filter.search() != null) {
            // Donation is anonymous: a name search would tell a party who the other one is.
            throw new Forbidden("search-not-allowed", "only coordinators search matches by name");
        } else if (user.role() == Role.PATIENT) {
            scoped = filter.ofPatient(user.id());
        } else if (user.role() == Role.DONOR) {
            if (filter.status() != null && filter.status() != MatchStatus.APPROVED) {
                throw InvalidInput.field(
                        "status", "donors see the approved matches of their pledges only");
            }
            scoped = filter.ofDonor(user.id());
        } else {
            throw new Forbidden("wrong-role", "your account cannot list matches");
        }
        Page<Match> listed =
                Page.of(
                        matches.page(scoped, page),
                        page.limit(),
                        m -> new Cursor(m.createdAt(), m.id()));
        if (user.isCoordinator()) {
            listed.items().forEach(m -> audited(user, m));
        }
        List<MatchView> shown = views.of(listed.items(), user);
        return new Page<>(shown, listed.nextCursor(), matches.count(scoped));
    }

    /**
     * One match, as the list shows it to the reader: a coordinator any (audited), a patient those
     * of their requests, a donor the approved matches of their pledges.
     *
     * @throws DomainException NotFound for an unknown match or one the reader may not see
     */
    public MatchView one(CurrentUser user, UUID id) {
        Match m =
                matches.find(id)
                        .filter(found -> mayRead(user, found))
                        .orElseThrow(() -> new NotFound(MatchingAuditActions.MATCH, id));
        if (user.isCoordinator()) {
            audited(user, m);
        }
        return views.of(m, user);
    }

    private static boolean mayRead(CurrentUser user, Match m) {
        return user.isCoordinator()
                || (user.role() == Role.PATIENT && user.owns(m.patientId()))
                || (user.role() == Role.DONOR
                        && user.owns(m.donorId())
                        && m.status() == MatchStatus.APPROVED);
    }

    private void audited(CurrentUser user, Match m) {
        audit.record(
                AuditEntry.of(AuditActions.MEDICAL_RECORD_READ, AuditOutcome.SUCCESS)
                        .by(user.id(), user.role())
                        .on(MatchingAuditActions.MATCH, m.id()));
    }
}
