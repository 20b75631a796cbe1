package org.ramsetu.platform.matching.runs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.registry.common.HlaText;
import org.ramsetu.platform.registry.pledges.StoredPledgeTests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The candidate query: verified pledges of the organ whose donor's blood group the organ's policy
 * could allow and who lives inside the reachable box. Answered from two indexes of V140 ({@code
 * match_candidate_pledge_idx}, {@code match_candidate_donor_idx}). Pledged test results never
 * change once pledged, so their parsed form is cached by pledge id.
 */
class CandidatePool {

    static final String QUERY =
            """
            select p.id, p.version, p.donor_id, p.created_at, p.tests::text as tests,
                d.blood_group, d.date_of_birth, d.sex, d.height_cm, d.weight_kg,
                d.latitude, d.longitude, d.hla_typing
            from pledge p join donor_profile d on d.account_id = p.donor_id
            where p.organ = :organ and p.status = 'VERIFIED'
              and d.blood_group in (:groups)
              and d.latitude between :minLat and :maxLat
              and d.longitude between :minLon and :maxLon
            """;

    /** A run answers within seconds or not at all: a query past this is cancelled. */
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final TimeBoundQuery bounded;
    private final Cache<UUID, DonorTests> tests =
            Caffeine.newBuilder().maximumSize(250_000).build();
    private final Cache<String, HlaTyping> typings =
            Caffeine.newBuilder().maximumSize(50_000).build();

    CandidatePool(JdbcClient jdbc, PlatformTransactionManager transactions, Duration timeLimit) {
        this.jdbc = jdbc;
        this.bounded = new TimeBoundQuery(jdbc, transactions, timeLimit);
    }

    /**
     * @throws org.springframework.dao.QueryTimeoutException past the time limit (the query is
     *     cancelled by PostgreSQL)
     */
    List<PooledOffer> find(Organ organ, List<String> bloodGroups, SearchBox box, Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        return bounded.run(() -> query(organ, bloodGroups, box, today));
    }

    private List<PooledOffer> query(
            Organ organ, List<String> bloodGroups, SearchBox box, LocalDate today) {
        return jdbc.sql(QUERY)
                .param("organ", organ.name())
                .param("groups", bloodGroups)
                .param("minLat", box.minLatitude())
                .param("maxLat", box.maxLatitude())
                .param("minLon", box.minLongitude())
                .param("maxLon", box.maxLongitude())
                .query((rs, row) -> offer(rs, organ, today))
                .list();
    }

    private PooledOffer offer(ResultSet rs, Organ organ, LocalDate today) throws SQLException {
        UUID pledgeId = rs.getObject("id", UUID.class);
        String testsJson = rs.getString("tests");
        DonorTests donorTests = tests.get(pledgeId, id -> StoredPledgeTests.read(organ, testsJson));
        String hlaText = rs.getString("hla_typing");
        HlaTyping hla =
                hlaText == null || hlaText.isBlank() ? null : typings.get(hlaText, HlaText::typing);
        LocalDate born = rs.getObject("date_of_birth", LocalDate.class);
        DonorOffer offer =
                new DonorOffer(
                        pledgeId.toString(),
                        organ,
                        BloodGroup.parse(rs.getString("blood_group")),
                        hla,
                        new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude")),
                        PledgeStatus.VERIFIED,
                        rs.getTimestamp("created_at").toInstant(),
                        0, // a pledge has used no ischaemia time: the organ is not recovered yet
                        new BodySize(
                                Period.between(born, today).getYears(),
                                Sex.valueOf(rs.getString("sex")),
                                rs.getDouble("height_cm"),
                                rs.getDouble("weight_kg")),
                        donorTests);
        return new PooledOffer(
                pledgeId, rs.getLong("version"), rs.getObject("donor_id", UUID.class), offer);
    }
}
