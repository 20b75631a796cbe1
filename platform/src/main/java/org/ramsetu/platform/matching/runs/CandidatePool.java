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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * change once pledged, so their parsed form is cached by pledge id and only the pledges not cached
 * yet have their results fetched (the JSON of 40,000 pledges per kidney run was most of the rows'
 * bytes).
 */
class CandidatePool {

    static final String QUERY =
            """
            select p.id, p.version, p.donor_id, p.created_at,
                d.blood_group, d.date_of_birth, d.sex, d.height_cm, d.weight_kg,
                d.latitude, d.longitude, d.hla_typing
            from pledge p join donor_profile d on d.account_id = p.donor_id
            where p.organ = :organ and p.status = 'VERIFIED'
              and d.blood_group in (:groups)
              and d.latitude between :minLat and :maxLat
              and d.longitude between :minLon and :maxLon
            """;

    static final String TESTS_QUERY = "select id, tests::text from pledge where id = any(:ids)";

    /** Pledges whose test results one follow-up query fetches at most. */
    private static final int TESTS_BATCH = 5_000;

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
        List<Row> rows =
                jdbc.sql(QUERY)
                        .param("organ", organ.name())
                        .param("groups", bloodGroups)
                        .param("minLat", box.minLatitude())
                        .param("maxLat", box.maxLatitude())
                        .param("minLon", box.minLongitude())
                        .param("maxLon", box.maxLongitude())
                        .query((rs, row) -> row(rs, today))
                        .list();
        Map<UUID, DonorTests> known =
                tests.getAllPresent(rows.stream().map(Row::pledgeId).toList());
        Map<UUID, DonorTests> fetched = fetchTests(organ, rows, known);
        List<PooledOffer> offers = new ArrayList<>(rows.size());
        for (Row r : rows) {
            DonorTests t = known.get(r.pledgeId());
            offers.add(r.offer(organ, t != null ? t : fetched.get(r.pledgeId())));
        }
        return offers;
    }

    private Map<UUID, DonorTests> fetchTests(
            Organ organ, List<Row> rows, Map<UUID, DonorTests> known) {
        List<UUID> missing = new ArrayList<>();
        for (Row r : rows) {
            if (!known.containsKey(r.pledgeId())) {
                missing.add(r.pledgeId());
            }
        }
        Map<UUID, DonorTests> fetched = new HashMap<>(missing.size() * 2);
        for (int from = 0; from < missing.size(); from += TESTS_BATCH) {
            List<UUID> batch = missing.subList(from, Math.min(missing.size(), from + TESTS_BATCH));
            jdbc.sql(TESTS_QUERY)
                    .param("ids", batch.toArray(UUID[]::new))
                    .query(
                            rs -> {
                                UUID id = rs.getObject(1, UUID.class);
                                fetched.put(id, StoredPledgeTests.read(organ, rs.getString(2)));
                            });
        }
        for (UUID id : missing) {
            if (!fetched.containsKey(id)) {
                // verified a moment ago and gone now? pledges are never deleted
                throw new IllegalStateException("the test results of pledge " + id + " vanished");
            }
        }
        tests.putAll(fetched);
        return fetched;
    }

    private Row row(ResultSet rs, LocalDate today) throws SQLException {
        String hlaText = rs.getString("hla_typing");
        LocalDate born = rs.getObject("date_of_birth", LocalDate.class);
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getObject("donor_id", UUID.class),
                BloodGroup.parse(rs.getString("blood_group")),
                hlaText == null || hlaText.isBlank() ? null : typings.get(hlaText, HlaText::typing),
                new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude")),
                rs.getTimestamp("created_at").toInstant(),
                new BodySize(
                        Period.between(born, today).getYears(),
                        Sex.valueOf(rs.getString("sex")),
                        rs.getDouble("height_cm"),
                        rs.getDouble("weight_kg")));
    }

    /** A candidate row before its (cached or fetched) test results are attached. */
    private record Row(
            UUID pledgeId,
            long version,
            UUID donorId,
            BloodGroup bloodGroup,
            HlaTyping hla,
            Coordinates location,
            Instant pledgedAt,
            BodySize body) {

        PooledOffer offer(Organ organ, DonorTests donorTests) {
            DonorOffer offer =
                    new DonorOffer(
                            pledgeId.toString(),
                            organ,
                            bloodGroup,
                            hla,
                            location,
                            PledgeStatus.VERIFIED,
                            pledgedAt,
                            0, // a pledge has used no ischaemia time: the organ is not recovered
                            body,
                            donorTests);
            return new PooledOffer(pledgeId, version, donorId, offer);
        }
    }
}
