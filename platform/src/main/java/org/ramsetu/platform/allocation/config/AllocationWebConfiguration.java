package org.ramsetu.platform.allocation.config;

import org.ramsetu.platform.allocation.AllocationProperties;
import org.ramsetu.platform.allocation.offers.MakingOffers;
import org.ramsetu.platform.allocation.offers.OfferController;
import org.ramsetu.platform.allocation.offers.OfferReport;
import org.ramsetu.platform.allocation.offers.ReadingOffers;
import org.ramsetu.platform.allocation.runs.AllocationRunController;
import org.ramsetu.platform.allocation.runs.AllocationRuns;
import org.ramsetu.platform.allocation.runs.ReadingAllocationRuns;
import org.ramsetu.platform.allocation.runs.RunningAllocation;
import org.ramsetu.platform.allocation.simulation.AllocationSimulationController;
import org.ramsetu.platform.allocation.simulation.SimulatingAllocation;
import org.ramsetu.platform.donation.DonationCases;
import org.ramsetu.platform.donation.RecoveredOrgans;
import org.ramsetu.platform.registry.requests.ListedPatients;
import org.ramsetu.platform.security.RecordAccess;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The allocation endpoints of the platform API ({@code all}, {@code api}). */
@Configuration(proxyBeanMethods = false)
public class AllocationWebConfiguration {

    @Bean
    ReadingAllocationRuns readingAllocationRuns(
            AllocationRuns runs,
            JdbcClient jdbc,
            RecordAccess access,
            AllocationProperties properties) {
        return new ReadingAllocationRuns(
                runs,
                new RecoveredOrgans(new DonationCases(jdbc)),
                access,
                properties.responseCandidates(),
                new ListedPatients(jdbc));
    }

    @Bean
    AllocationRunController allocationRunController(
            RunningAllocation running,
            ReadingAllocationRuns reading,
            IdempotentRequests idempotent) {
        return new AllocationRunController(running, reading, idempotent);
    }

    @Bean
    OfferController offerController(
            MakingOffers making, ReadingOffers reading, OfferReport report) {
        return new OfferController(making, reading, report);
    }

    @Bean
    AllocationSimulationController allocationSimulationController(SimulatingAllocation simulating) {
        return new AllocationSimulationController(simulating);
    }
}
