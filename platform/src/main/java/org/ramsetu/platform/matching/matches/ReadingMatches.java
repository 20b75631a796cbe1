package org.ramsetu.platform.matching.matches;

import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
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

    public Page<MatchView> list(CurrentUser user, MatchFilter filter, PageRequest page) {
        MatchFilter scoped;
        if (user.isCoordinator()) {
            scoped = filter;
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
        return Page.of(
                        matches.page(scoped, page),
                        page.limit(),
                        m -> new Cursor(m.createdAt(), m.id()))
                .map(
                        m -> {
                            if (user.isCoordinator()) {
                                audit.record(
                                        AuditEntry.of(
                                                        AuditActions.MEDICAL_RECORD_READ,
                                                        AuditOutcome.SUCCESS)
                                                .by(user.id(), user.role())
                                                .on(MatchingAuditActions.MATCH, m.id()));
                            }
                            return views.of(m, user);
                        });
    }
}
