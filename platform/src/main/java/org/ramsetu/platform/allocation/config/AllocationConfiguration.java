package org.ramsetu.platform.allocation.config;

import dev.openfeature.sdk.Client;
import java.time.Clock;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.geo.TransportSettings;
import org.ramsetu.platform.allocation.AllocationProperties;
import org.ramsetu.platform.allocation.offers.OffersConfiguration;
import org.ramsetu.platform.allocation.policies.AllocationPolicies;
import org.ramsetu.platform.allocation.runs.AllocationRunsConfiguration;
import org.ramsetu.platform.allocation.simulation.SimulatingAllocation;
import org.ramsetu.platform.matching.MatchingProperties;
import org.ramsetu.platform.registry.requests.WaitingList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Allocation on every database target: the policy versions (loaded and checked at start-up), runs
 * and the re-scoring job ({@code all}, {@code api}, {@code worker}). The HTTP endpoints come with
 * the platform API ({@link AllocationWebConfiguration}). Scoring is the client the matching
 * workflow configures.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
@EnableConfigurationProperties(AllocationProperties.class)
@Import({AllocationRunsConfiguration.class, OffersConfiguration.class})
public class AllocationConfiguration {

    /** Fails the start with a message naming the file, field or id when a policy is wrong. */
    @Bean
    AllocationPolicies allocationPolicies(
            AllocationProperties properties, ObjectProvider<Client> flags) {
        // The flag allocation.policy-version may move a share of new runs to another version.
        return AllocationPolicies.load(properties.policy()).choosingBy(flags.getIfAvailable());
    }

    @Bean
    SimulatingAllocation simulatingAllocation(
            WaitingList waiting,
            AllocationPolicies policies,
            MatchingProperties matching,
            Clock clock) {
        return new SimulatingAllocation(
                waiting,
                policies,
                new EligibilityRules(TransportSettings.DEFAULTS, matching.heartWeightTolerance()),
                clock);
    }
}
