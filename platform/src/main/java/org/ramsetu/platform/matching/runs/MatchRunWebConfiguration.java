package org.ramsetu.platform.matching.runs;

import java.time.Clock;
import org.ramsetu.platform.matching.MatchingProperties;
import org.ramsetu.platform.matching.matches.Matches;
import org.ramsetu.platform.registry.ListingLocks;
import org.ramsetu.platform.registry.ListingStatuses;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.ramsetu.platform.registry.requests.TransplantRequests;
import org.ramsetu.platform.security.RecordAccess;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The match run endpoints of the platform API. */
@Configuration(proxyBeanMethods = false)
public class MatchRunWebConfiguration {

    @Bean
    ReadingMatchRuns readingMatchRuns(
            MatchRuns runs,
            Matches matches,
            RecordAccess access,
            MatchingProperties properties,
            CandidateDonors donors,
            JdbcClient jdbc) {
        return new ReadingMatchRuns(
                runs,
                matches,
                access,
                properties.responseCandidates(),
                donors,
                new PatientProfiles(jdbc),
                new TransplantRequests(jdbc));
    }

    @Bean
    ProposingFurther proposingFurther(
            MatchRuns runs,
            Matches matches,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            JdbcClient jdbc) {
        return new ProposingFurther(
                runs,
                matches,
                new ListingLocks(jdbc),
                new ListingStatuses(jdbc),
                events,
                tx,
                clock);
    }

    @Bean
    MatchRunController matchRunController(
            RunningMatch running,
            ReadingMatchRuns reading,
            IdempotentRequests idempotent,
            ProposingFurther proposing) {
        return new MatchRunController(running, reading, idempotent, proposing);
    }
}
