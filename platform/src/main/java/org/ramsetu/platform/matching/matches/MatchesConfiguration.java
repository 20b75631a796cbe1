package org.ramsetu.platform.matching.matches;

import java.time.Clock;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.matching.MatchMails;
import org.ramsetu.platform.matching.MatchParties;
import org.ramsetu.platform.registry.ListingLocks;
import org.ramsetu.platform.registry.pledges.ChangingPledgeStatus;
import org.ramsetu.platform.registry.requests.ChangingRequestStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading and deciding matches, with their endpoints (platform API targets). */
@Configuration(proxyBeanMethods = false)
public class MatchesConfiguration {

    @Bean
    MatchViews matchViews(MatchParties parties) {
        return new MatchViews(parties);
    }

    @Bean
    ReadingMatches readingMatches(Matches matches, MatchViews views, AuditLog audit) {
        return new ReadingMatches(matches, views, audit);
    }

    @Bean
    DecidingMatch decidingMatch(
            Matches matches,
            ChangingPledgeStatus pledges,
            ChangingRequestStatus requests,
            MatchViews views,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock) {
        return new DecidingMatch(
                matches, pledges, requests, new ListingLocks(jdbc), views, events, tx, clock);
    }

    /** Listens to {@link MatchApproved} and {@link MatchDeclined}: their audit entries. */
    @Bean
    MatchDecisionAudit matchDecisionAudit(AuditLog audit) {
        return new MatchDecisionAudit(audit);
    }

    /** Listens to {@link MatchApproved} and {@link MatchDeclined}: the parties' mails. */
    @Bean
    MatchDecisionMails matchDecisionMails(MatchMails mails) {
        return new MatchDecisionMails(mails);
    }

    @Bean
    MatchController matchController(ReadingMatches reading, DecidingMatch deciding) {
        return new MatchController(reading, deciding);
    }
}
