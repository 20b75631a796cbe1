package org.ramsetu.platform.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.core.geo.TransportSettings;
import org.ramsetu.core.ranking.RankingWeights;
import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.RankResponse;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.ScoringUnavailableException;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.ramsetu.platform.demo.DemoLoader;
import org.ramsetu.platform.rankingruns.MlScoring;
import org.ramsetu.platform.registry.ListingStatuses;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.ramsetu.platform.registry.pledges.VerifiedPledges;
import org.ramsetu.platform.registry.requests.TransplantRequests;

/**
 * The warm-up after readiness on a real registry: it ranks a waiting request of each organ that has
 * one, as often as asked, and writes nothing (no run, no match, no audit entry).
 */
class RankingWarmUpIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    /** The scoring target down: runs are ranked on the clinical policy alone, as a split target. */
    private static final ScoringClient SCORING_DOWN =
            new ScoringClient() {
                @Override
                public RankResponse rank(String organ, RankRequest request) {
                    throw new ScoringUnavailableException("scoring target down for this test");
                }

                @Override
                public ScoreResponse score(String organ, ScoreRequest request) {
                    throw new ScoringUnavailableException("scoring target down for this test");
                }

                @Override
                public List<ModelSummary> models() {
                    throw new ScoringUnavailableException("scoring target down for this test");
                }
            };

    private static RankingWarmUp warmUp(int rounds) {
        Clock clock = Clock.systemUTC();
        MatchCalculation calculation =
                new MatchCalculation(
                        new TransplantRequests(db.jdbc()),
                        new PatientProfiles(db.jdbc()),
                        new VerifiedPledges(
                                db.jdbc(), db.transactions().getTransactionManager(), clock),
                        new MlScoring(SCORING_DOWN, 5_000, "warm-up"),
                        TransportSettings.DEFAULTS,
                        RankingWeights.DEFAULTS,
                        0.30,
                        5,
                        clock);
        return new RankingWarmUp(calculation, new ListingStatuses(db.jdbc()), rounds);
    }

    private static long count(String table) {
        return db.jdbc().sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void ranksAWaitingRequestOfEachOrganAsOftenAsAskedAndWritesNothing() throws Exception {
        assertThat(warmUp(2).run()).as("an empty registry has nothing to rank").isZero();

        new DemoLoader(db.jdbc(), db.transactions(), Clock.systemUTC(), "not a real hash")
                .load(300, 60, 7, 1, n -> {});
        long organsWaiting =
                db.jdbc()
                        .sql(
                                "select count(distinct organ) from transplant_request"
                                        + " where status = 'WAITING'")
                        .query(Long.class)
                        .single();
        long audited = count("audit_event");

        assertThat(organsWaiting).isGreaterThan(1);
        assertThat(warmUp(2).run()).isEqualTo(2 * organsWaiting);
        assertThat(count("match_run")).isZero();
        assertThat(count("match")).isZero();
        assertThat(count("audit_event")).isEqualTo(audited);
    }
}
