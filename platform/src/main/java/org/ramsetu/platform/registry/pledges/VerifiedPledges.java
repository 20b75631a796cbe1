package org.ramsetu.platform.registry.pledges;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ramsetu.core.blood.Abo;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.geo.SearchBox;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.registry.common.ChangeLog;
import org.ramsetu.platform.registry.common.HlaText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every verified pledge with its donor's profile, parsed and kept in memory in columns per organ,
 * for the match runs: a run asks for the pledges of one organ whose donor's blood group it could
 * allow and who lives inside its search box, and those two tests run on primitive arrays instead of
 * a query (the query, and mapping its tens of thousands of rows, was most of a kidney run's
 * database time, and it depended on the planner's statistics).
 *
 * <p>Never stale: each call first reads {@code candidate_generation} (V210: raised by triggers in
 * the same transaction as any change of a pledge or a donor's profile). If the snapshot is older,
 * the donors that changed since are read from {@code candidate_change} and only their pledges
 * reloaded, in one repeatable-read snapshot together with the generation; a snapshot too far
 * behind, or facing a bulk load, is reloaded in full. One refresh at a time; runs that find the
 * snapshot current share it without locking. Ages are computed for the day of the run, so a new day
 * rebuilds the offers (from memory, not from the database).
 */
@NamedInterface("pledges")
public class VerifiedPledges {

    static final String VERIFIED =
            """
            select p.id, p.version, p.donor_id, p.organ, p.created_at, p.tests::text as tests,
                d.blood_group, d.date_of_birth, d.sex, d.height_cm, d.weight_kg,
                d.latitude, d.longitude, d.hla_typing
            from pledge p join donor_profile d on d.account_id = p.donor_id
            where p.status = 'VERIFIED'
            """;

    static final String VERIFIED_OF_DONORS = VERIFIED + "  and p.donor_id = any(:donors)\n";

    /**
     * Every pledge not verified, counted (V212: kept by triggers in the writers' transactions): a
     * run accounts for each pledge of its organ.
     */
    static final String NOT_VERIFIED =
            """
            select organ, status, pledges from pledge_status_count where status <> 'VERIFIED'
            """;

    /** A pledge's statuses other than verified, in the order runs show them. */
    private static final List<PledgeStatus> NOT_VERIFIED_STATUSES =
            List.of(
                    PledgeStatus.PENDING,
                    PledgeStatus.REJECTED,
                    PledgeStatus.WITHDRAWN,
                    PledgeStatus.DONATED);

    static final String GENERATION = "select generation from candidate_generation";

    static final String CHANGED_DONORS =
            """
            select distinct donor_id from candidate_change
            where generation > :since and generation <= :upTo
            """;

    /**
     * How many generations {@code candidate_change} keeps at least (the triggers prune older ones
     * on every hundredth generation: V210, V223).
     */
    static final long LOGGED_GENERATIONS = 100_000;

    /** Past this many changed donors one full read is cheaper than a long list of ids. */
    static final int FULL_RELOAD_DONORS = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(VerifiedPledges.class);

    private final JdbcClient jdbc;
    private final ChangeLog<UUID> changes;
    private final Clock clock;
    private final TransactionTemplate snapshot;
    private final Object refreshing = new Object();
    private volatile Snapshot current;

    public VerifiedPledges(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.changes =
                new ChangeLog<>(
                        jdbc,
                        GENERATION,
                        CHANGED_DONORS,
                        "donors",
                        UUID.class,
                        LOGGED_GENERATIONS,
                        FULL_RELOAD_DONORS);
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The verified pledges of the organ whose donor's ABO group is one of {@code groups} and whose
     * home lies inside {@code box}, as of the latest committed change, in the snapshot's order; and
     * every other pledge of the organ counted by why it was set aside.
     */
    public PledgeSearch find(Organ organ, Set<Abo> groups, SearchBox box, Instant asOf) {
        LocalDate day = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        long generation = changes.generation();
        Snapshot known = current;
        if (known == null || known.generation() < generation || !known.day().equals(day)) {
            known = refresh(generation, day);
        }
        Map<String, Integer> setAside = new LinkedHashMap<>();
        Map<String, Integer> notVerified = known.notVerified().getOrDefault(organ, Map.of());
        for (PledgeStatus status : NOT_VERIFIED_STATUSES) {
            setAside.put(status.name(), notVerified.getOrDefault(status.name(), 0));
        }
        List<VerifiedPledge> found = known.organ(organ).select(groups, box, setAside);
        return new PledgeSearch(found, setAside);
    }

    /**
     * Reads the snapshot once the process serves, on a thread of its own, so that the first match
     * run does not wait for the full read (about 2.6 s for 110,000 pledges on 2 cores) and
     * readiness does not wait either. A failure is left to the first run to meet again.
     */
    public void warm() {
        Thread warming =
                new Thread(
                        () -> {
                            try {
                                find(
                                        Organ.KIDNEY,
                                        Set.of(),
                                        SearchBox.WHOLE_EARTH,
                                        clock.instant());
                            } catch (RuntimeException e) {
                                LOG.warn(
                                        "Verified pledges not read ahead; the first run will: {}",
                                        e.toString());
                            }
                        },
                        "verified-pledges-warm");
        warming.setDaemon(true);
        warming.start();
    }

    /** How many verified pledges the snapshot holds, per organ; 0 before its first read. */
    Map<Organ, Integer> sizes() {
        Snapshot known = current;
        if (known != null) {
            return known.sizes();
        }
        Map<Organ, Integer> none = new EnumMap<>(Organ.class);
        for (Organ organ : Organ.values()) {
            none.put(organ, 0);
        }
        return none;
    }

    private Snapshot refresh(long atLeast, LocalDate day) {
        synchronized (refreshing) {
            Snapshot known = current;
            if (known != null && known.generation() >= atLeast && known.day().equals(day)) {
                return known; // another run refreshed it meanwhile
            }
            Snapshot fresh = snapshot.execute(status -> read(known, day));
            current = fresh;
            return fresh;
        }
    }

    /** Runs inside the repeatable-read transaction: the generation and the rows agree. */
    private Snapshot read(Snapshot known, LocalDate day) {
        long generation = changes.generation();
        if (known == null) {
            return full(generation, day, "first use");
        }
        if (generation == known.generation()) {
            return known.on(day);
        }
        ChangeLog.CatchUp<UUID> catchUp = changes.since(known.generation(), generation);
        if (catchUp.inFull()) {
            return full(generation, day, catchUp.fullReadBecause());
        }
        List<UUID> changed = catchUp.changed();
        List<VerifiedPledgeRow> reloaded =
                changed.isEmpty()
                        ? List.of()
                        : load(VERIFIED_OF_DONORS, Map.of("donors", changed.toArray(UUID[]::new)));
        return known.with(generation, day, new HashSet<>(changed), reloaded, notVerified());
    }

    private Snapshot full(long generation, LocalDate day, String why) {
        long started = System.nanoTime();
        Snapshot loaded = Snapshot.of(generation, day, load(VERIFIED, Map.of()), notVerified());
        LOG.info(
                "Verified pledges read in full ({}): {} at generation {} in {} ms",
                why,
                loaded.sizes(),
                generation,
                (System.nanoTime() - started) / 1_000_000);
        return loaded;
    }

    /** Runs inside the repeatable-read transaction, like the read of the pledges it completes. */
    private Map<Organ, Map<String, Integer>> notVerified() {
        Map<Organ, Map<String, Integer>> counts = new EnumMap<>(Organ.class);
        jdbc.sql(NOT_VERIFIED)
                .query(
                        rs -> {
                            counts.computeIfAbsent(
                                            Organ.valueOf(rs.getString(1)), o -> new HashMap<>())
                                    .put(rs.getString(2), rs.getInt(3));
                        });
        return counts;
    }

    private List<VerifiedPledgeRow> load(String sql, Map<String, Object> params) {
        Map<String, HlaTyping> typings = new HashMap<>(); // a typing repeats across donors
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs, typings)).list();
    }

    private static VerifiedPledgeRow row(ResultSet rs, Map<String, HlaTyping> typings)
            throws SQLException {
        Organ organ = Organ.valueOf(rs.getString("organ"));
        String hla = rs.getString("hla_typing");
        return new VerifiedPledgeRow(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getObject("donor_id", UUID.class),
                organ,
                rs.getTimestamp("created_at").toInstant(),
                PledgeTests.fromJson(organ, rs.getString("tests")),
                BloodGroup.parse(rs.getString("blood_group")),
                rs.getObject("date_of_birth", LocalDate.class),
                Sex.valueOf(rs.getString("sex")),
                rs.getDouble("height_cm"),
                rs.getDouble("weight_kg"),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                hla == null || hla.isBlank()
                        ? null
                        : typings.computeIfAbsent(hla, HlaText::typing));
    }

    /** The snapshot as of one generation: one column set per organ, offers built for one day. */
    private record Snapshot(
            long generation,
            LocalDate day,
            Map<Organ, PledgeColumns> organs,
            Map<Organ, Map<String, Integer>> notVerified) {

        static Snapshot of(
                long generation,
                LocalDate day,
                List<VerifiedPledgeRow> rows,
                Map<Organ, Map<String, Integer>> notVerified) {
            Map<Organ, List<VerifiedPledgeRow>> byOrgan = new EnumMap<>(Organ.class);
            for (Organ organ : Organ.values()) {
                byOrgan.put(organ, new ArrayList<>());
            }
            rows.forEach(r -> byOrgan.get(r.organ()).add(r));
            Map<Organ, PledgeColumns> organs = new EnumMap<>(Organ.class);
            byOrgan.forEach((organ, list) -> organs.put(organ, PledgeColumns.of(list, day)));
            return new Snapshot(generation, day, organs, notVerified);
        }

        PledgeColumns organ(Organ organ) {
            return organs.get(organ);
        }

        Map<Organ, Integer> sizes() {
            Map<Organ, Integer> sizes = new EnumMap<>(Organ.class);
            organs.forEach((organ, columns) -> sizes.put(organ, columns.size()));
            return sizes;
        }

        Snapshot on(LocalDate newDay) {
            if (newDay.equals(day)) {
                return this;
            }
            Map<Organ, PledgeColumns> rebuilt = new EnumMap<>(Organ.class);
            organs.forEach((organ, columns) -> rebuilt.put(organ, columns.on(newDay)));
            return new Snapshot(generation, newDay, rebuilt, notVerified);
        }

        /** This snapshot with every pledge of the changed donors replaced by what was reloaded. */
        Snapshot with(
                long newGeneration,
                LocalDate newDay,
                Set<UUID> changedDonors,
                List<VerifiedPledgeRow> reloaded,
                Map<Organ, Map<String, Integer>> nowNotVerified) {
            Map<Organ, List<VerifiedPledgeRow>> added = new EnumMap<>(Organ.class);
            reloaded.forEach(r -> added.computeIfAbsent(r.organ(), o -> new ArrayList<>()).add(r));
            Map<Organ, PledgeColumns> organs = new EnumMap<>(Organ.class);
            organs().forEach( // replacing also ages the offers it keeps, for newDay
                            (organ, columns) ->
                                    organs.put(
                                            organ,
                                            columns.replacing(
                                                    changedDonors,
                                                    added.getOrDefault(organ, List.of()),
                                                    newDay)));
            return new Snapshot(newGeneration, newDay, organs, nowNotVerified);
        }
    }
}
