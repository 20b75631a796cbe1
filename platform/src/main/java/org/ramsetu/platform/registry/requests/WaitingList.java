package org.ramsetu.platform.registry.requests;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ramsetu.core.allocation.WaitingRequest;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.records.Sql;
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
 * The waiting list for one organ: every {@code WAITING} transplant request with its patient's
 * profile, as the clinical core's requests (the core's patient id is the request id, so a candidate
 * is a (request, pledge) pair). The liver labs are taken from the stored clinical values in SQL
 * (canonical units), and typings and antigen lists, which repeat across a large list, are parsed
 * once.
 *
 * <p>Reading and parsing 50,000 requests is most of an allocation run's time, and the list changes
 * far less often than it is allocated from; so the parsed list is kept per organ with the {@code
 * waiting_list_generation} it was read at (V150: one counter for all organs, raised by triggers in
 * the same transaction as any change of a request, a patient's profile or a centre's place). Each
 * call reads the generation; if it moved on, the requests the triggers logged for the generations
 * in between ({@code waiting_list_change}, V232) are read again and replace their old entries (a
 * request no longer waiting leaves the list), all in one repeatable-read snapshot, so a cached list
 * is never staler than the generation beside it. A list further behind than the log reaches, or
 * facing a bulk change, is read in full; so is a list on a new day, as ages are computed for the
 * day.
 *
 * <p>Distances and ischaemia are measured from the centre the patient is listed at, with the
 * coordinates the register of centres verified; only requests listed before centres existed (which
 * have none) fall back to the hospital in the patient's profile.
 *
 * <p>Allocation ranks against it; the registry owns the tables and the counter it reads.
 */
@NamedInterface("requests")
public class WaitingList {

    static final String QUERY =
            """
            select r.id, r.urgency, r.listed_at, r.heart_status, r.epts_percentile,
                p.blood_group, p.date_of_birth, p.sex, p.height_cm, p.weight_kg, p.hla_typing,
                p.unacceptable_antigens,
                coalesce(c.latitude, p.hospital_latitude) as hospital_latitude,
                coalesce(c.longitude, p.hospital_longitude) as hospital_longitude %s
            from transplant_request r join patient_profile p on p.account_id = r.patient_id
                left join listing_centre c on c.id = r.centre_id
            where r.organ = :organ and r.status = 'WAITING'
            """;

    /** Liver labs, read from the stored clinical values only for livers (JSON is not free). */
    static final String LIVER_LABS =
            """
            , (r.clinical -> 'bilirubin' ->> 'value')::float8 as bilirubin,
                (r.clinical ->> 'inr')::float8 as inr,
                (r.clinical -> 'creatinine' ->> 'value')::float8 as creatinine,
                (r.clinical ->> 'sodium')::float8 as sodium,
                (r.clinical -> 'albumin' ->> 'value')::float8 as albumin,
                (r.clinical ->> 'dialysedTwiceInPastWeek')::boolean as dialysed
            """;

    static final String GENERATION = "select generation from waiting_list_generation";

    static final String CHANGED_REQUESTS =
            """
            select distinct request_id from waiting_list_change
            where generation > :since and generation <= :upTo
            """;

    /**
     * How many generations {@code waiting_list_change} keeps at least (the triggers prune older
     * ones on every hundredth generation: V232).
     */
    static final long LOGGED_GENERATIONS = 100_000;

    /** Past this many changed requests one full read is cheaper than a long list of ids. */
    static final int FULL_READ_REQUESTS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(WaitingList.class);

    private final JdbcClient jdbc;
    private final ChangeLog<UUID> changes;
    private final TransactionTemplate snapshot;
    private final Map<Organ, Cached> cache = new ConcurrentHashMap<>();
    private final Cache<String, HlaTyping> typings =
            Caffeine.newBuilder().maximumSize(100_000).build();
    private final Map<String, BloodGroup> groups = new ConcurrentHashMap<>();
    private final Cache<String, UnacceptableAntigens> antigens =
            Caffeine.newBuilder().maximumSize(20_000).build();

    private record Cached(long generation, LocalDate day, List<WaitingRequest> list) {}

    public WaitingList(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.changes =
                new ChangeLog<>(
                        jdbc,
                        GENERATION,
                        CHANGED_REQUESTS,
                        "requests",
                        UUID.class,
                        LOGGED_GENERATIONS,
                        FULL_READ_REQUESTS);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Every waiting request for the organ (unordered: the ranking decides the order); an
     * unmodifiable list, shared between callers until the list changes.
     */
    public List<WaitingRequest> of(Organ organ, Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        return snapshot.execute(
                status -> {
                    long generation = changes.generation();
                    Cached cached = cache.get(organ);
                    if (cached != null
                            && cached.generation() >= generation
                            && cached.day().equals(today)) {
                        return cached.list(); // current, or already newer than this snapshot
                    }
                    Cached fresh = read(organ, cached, generation, today);
                    cache.merge(organ, fresh, WaitingList::later);
                    return fresh.list();
                });
    }

    /** Of two lists kept for an organ by concurrent calls, the one read at the later state. */
    private static Cached later(Cached kept, Cached read) {
        return read.day().isAfter(kept.day())
                        || (read.day().equals(kept.day()) && read.generation() >= kept.generation())
                ? read
                : kept;
    }

    /** Runs inside the repeatable-read transaction: the generation, the log and the rows agree. */
    private Cached read(Organ organ, Cached cached, long generation, LocalDate today) {
        if (cached == null || !cached.day().equals(today)) {
            return full(organ, generation, today, cached == null ? "first use" : "a new day");
        }
        ChangeLog.CatchUp<UUID> catchUp = changes.since(cached.generation(), generation);
        if (catchUp.inFull()) {
            return full(organ, generation, today, catchUp.fullReadBecause());
        }
        List<UUID> changed = catchUp.changed();
        if (changed.isEmpty()) {
            return new Cached(generation, today, cached.list());
        }
        Set<String> replaced = new HashSet<>();
        changed.forEach(id -> replaced.add(id.toString()));
        List<WaitingRequest> list = new ArrayList<>(cached.list().size() + changed.size());
        for (WaitingRequest waiting : cached.list()) {
            if (!replaced.contains(waiting.request().patientId())) {
                list.add(waiting);
            }
        }
        list.addAll(
                jdbc.sql(query(organ) + " and r.id = any(:ids)")
                        .param("organ", organ.name())
                        .param("ids", changed.toArray(UUID[]::new))
                        .query((rs, row) -> request(rs, organ, today))
                        .list());
        return new Cached(generation, today, List.copyOf(list));
    }

    private Cached full(Organ organ, long generation, LocalDate today, String why) {
        long started = System.nanoTime();
        List<WaitingRequest> list =
                List.copyOf(
                        jdbc.sql(query(organ))
                                .param("organ", organ.name())
                                .query((rs, row) -> request(rs, organ, today))
                                .list());
        LOG.info(
                "Waiting list for {} read in full ({}): {} requests at generation {} in {} ms",
                organ,
                why,
                list.size(),
                generation,
                (System.nanoTime() - started) / 1_000_000);
        return new Cached(generation, today, list);
    }

    /**
     * The requests waiting now that had been listed, and verified by their centre, by {@code at}:
     * the list as it stood then, as near as today's records tell (a request transplanted or taken
     * off since is not on it). Read afresh, never cached: it ranks a moment in the past (the demo's
     * offer histories), not the list coordinators allocate from.
     */
    public List<WaitingRequest> listedBy(Organ organ, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return snapshot.execute(
                status ->
                        List.copyOf(
                                jdbc.sql(
                                                query(organ)
                                                        + " and r.listed_at <= :at and"
                                                        + " (r.verified_at is null or"
                                                        + " r.verified_at <= :at)")
                                        .param("organ", organ.name())
                                        .param("at", Sql.timestamp(at))
                                        .query((rs, row) -> request(rs, organ, day))
                                        .list()));
    }

    /** Liver labs are read from the stored clinical values only for livers. */
    private static String query(Organ organ) {
        return QUERY.formatted(organ == Organ.LIVER ? LIVER_LABS : "");
    }

    private WaitingRequest request(ResultSet rs, Organ organ, LocalDate today) throws SQLException {
        Instant listed = rs.getTimestamp("listed_at").toInstant();
        Sex sex = Sex.valueOf(rs.getString("sex"));
        String hla = rs.getString("hla_typing");
        String unacceptable = rs.getString("unacceptable_antigens");
        int heart = rs.getInt("heart_status");
        boolean isHeart = !rs.wasNull();
        int epts = rs.getInt("epts_percentile");
        Integer eptsPercentile = rs.wasNull() ? null : epts;
        PatientRequest patient =
                new PatientRequest(
                        rs.getString("id"),
                        organ,
                        groups.computeIfAbsent(rs.getString("blood_group"), BloodGroup::parse),
                        hla == null || hla.isBlank() ? null : typings.get(hla, HlaText::typing),
                        unacceptable == null || unacceptable.isBlank()
                                ? UnacceptableAntigens.NONE
                                : antigens.get(unacceptable, HlaText::antigens),
                        new Coordinates(
                                rs.getDouble("hospital_latitude"),
                                rs.getDouble("hospital_longitude")),
                        rs.getInt("urgency"),
                        isHeart ? HeartStatus.of(heart) : null,
                        organ == Organ.LIVER ? labs(rs, sex) : null,
                        new BodySize(
                                Period.between(
                                                rs.getObject("date_of_birth", LocalDate.class),
                                                today)
                                        .getYears(),
                                sex,
                                rs.getDouble("height_cm"),
                                rs.getDouble("weight_kg")),
                        listed,
                        listed);
        return new WaitingRequest(patient, eptsPercentile);
    }

    private static LiverLabs labs(ResultSet rs, Sex sex) throws SQLException {
        double albumin = rs.getDouble("albumin");
        Double alb = rs.wasNull() ? null : albumin;
        return new LiverLabs(
                rs.getDouble("bilirubin"),
                rs.getDouble("inr"),
                rs.getDouble("creatinine"),
                rs.getDouble("sodium"),
                alb,
                rs.getBoolean("dialysed"),
                sex);
    }
}
