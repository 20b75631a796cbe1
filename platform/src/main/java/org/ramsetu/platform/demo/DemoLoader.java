package org.ramsetu.platform.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.infra.scoring.UnavailableScoringClient;
import org.ramsetu.platform.accounts.Account;
import org.ramsetu.platform.accounts.AccountRepository;
import org.ramsetu.platform.allocation.offers.PastOffers;
import org.ramsetu.platform.allocation.runs.PastAllocationRuns;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.ramsetu.platform.centres.TransplantCentres;
import org.ramsetu.platform.donation.DonationCases;
import org.ramsetu.platform.donation.RecoveredOrgans;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.registry.donors.DonorProfile;
import org.ramsetu.platform.registry.donors.DonorProfiles;
import org.ramsetu.platform.registry.donors.MedicalHistory;
import org.ramsetu.platform.registry.patients.Hospital;
import org.ramsetu.platform.registry.patients.PatientProfile;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.ramsetu.platform.registry.pledges.Pledge;
import org.ramsetu.platform.registry.pledges.Pledges;
import org.ramsetu.platform.registry.requests.ListingAssessment;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.registry.requests.RequestStatus;
import org.ramsetu.platform.registry.requests.TransplantRequest;
import org.ramsetu.platform.registry.requests.TransplantRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads demo donors (with profiles and pledges of every organ) and patients (with profiles and
 * transplant requests on the waiting list) through the registry's own records, checks and score
 * computations, in batches; then donation cases ({@link DemoCases}), transplant centres ({@link
 * DemoCentres}) and the past cases' offer histories ({@link DemoOffers}), attributed to the oldest
 * coordinator account. Person {@code n} of a seed is always the same person with the same id, so
 * loading again adds only who is missing: idempotent, and {@code --donors} can grow.
 *
 * <p>Demo accounts are verified and share one password ({@link #DEMO_PASSWORD}), hashed once: they
 * are for trying the product, never for real people.
 */
public class DemoLoader {

    public static final String DEMO_PASSWORD = "ramsetu demo password";
    static final String EMAIL_DOMAIN = "demo.ramsetu.in";
    private static final int BATCH = 250;

    private final AccountRepository accounts;
    private final DonorProfiles donorProfiles;
    private final PatientProfiles patientProfiles;
    private final Pledges pledges;
    private final TransplantRequests requests;
    private final DemoCases cases;
    private final DemoCentres centres;
    private final DemoOffers offers;
    private final ListingAssessment assessment =
            new ListingAssessment(PercentileTable.eptsBundled());
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String passwordHash;

    /**
     * @param passwordHash the hash of {@link #DEMO_PASSWORD}, computed once by the caller
     */
    public DemoLoader(JdbcClient jdbc, TransactionTemplate tx, Clock clock, String passwordHash) {
        this.accounts = new AccountRepository(jdbc);
        this.donorProfiles = new DonorProfiles(jdbc);
        this.patientProfiles = new PatientProfiles(jdbc);
        this.pledges = new Pledges(jdbc);
        this.requests = new TransplantRequests(jdbc);
        this.cases = new DemoCases(new DonationCases(jdbc), donorProfiles, pledges, tx);
        this.centres = new DemoCentres(new TransplantCentres(jdbc));
        this.offers =
                new DemoOffers(
                        new RecoveredOrgans(new DonationCases(jdbc)),
                        new PastAllocationRuns(
                                jdbc,
                                tx.getTransactionManager(),
                                new UnavailableScoringClient(DemoOffers.WITHOUT_MODEL_SERVER)),
                        new PastOffers(jdbc, tx.getTransactionManager()),
                        tx);
        this.tx = tx;
        this.clock = clock;
        this.passwordHash = passwordHash;
    }

    /**
     * How many people and records a load added (zero for people who were there already).
     *
     * @param cases donation cases added; none without a coordinator account to attribute them to
     * @param centres transplant centres added; none without a coordinator account either
     * @param offerings offer histories added, each a past allocation run and its offers
     * @param takenOn waiting requests loaded before the first coordinator account, taken on now by
     *     a demo centre
     * @param skippedWithoutCoordinator whether cases and centres were skipped for want of a
     *     coordinator
     */
    public record Loaded(
            long donors,
            long pledges,
            long patients,
            long requests,
            long cases,
            long centres,
            long offerings,
            long takenOn,
            boolean skippedWithoutCoordinator) {}

    /**
     * @param threads parallel batches (each its own transaction and connection)
     * @param progress called with the number of people done so far
     */
    public Loaded load(
            long donorCount, long patientCount, long seed, int threads, LongConsumer progress)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong[] added = {
            new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()
        };
        // The centres first: the patients are listed at them, verified by the coordinator.
        Optional<UUID> coordinator = accounts.firstCoordinator();
        long centresAdded = coordinator.map(c -> addCentres(seed, c)).orElse(0L);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> batches = new ArrayList<>();
            submit(pool, batches, donorCount, n -> donor(n, seed, added), done, progress);
            submit(
                    pool,
                    batches,
                    patientCount,
                    n -> patient(n, seed, coordinator, added),
                    done,
                    progress);
            for (Future<?> batch : batches) {
                try {
                    batch.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(
                            "a demo batch failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long takenOn = coordinator.map(c -> takeOnUnplaced(patientCount, seed, c)).orElse(0L);
        long casesAdded = coordinator.map(c -> addCases(donorCount, seed, c)).orElse(0L);
        // After the cases and the patients, whose lists the histories rank.
        long offeringsAdded =
                coordinator
                        .map(
                                c ->
                                        offers.add(
                                                DemoCases.countFor(donorCount),
                                                seed,
                                                new AccountId(c),
                                                clock.instant().truncatedTo(ChronoUnit.MICROS)))
                        .orElse(0L);
        return new Loaded(
                added[0].get(),
                added[1].get(),
                added[2].get(),
                added[3].get(),
                casesAdded,
                centresAdded,
                offeringsAdded,
                takenOn,
                coordinator.isEmpty() && DemoCases.countFor(donorCount) > 0);
    }

    /**
     * The demo patients' waiting requests that were loaded before the first coordinator account, so
     * without a centre: each is taken on by the demo centre nearest the patient's hospital that
     * transplants the organ and verified by the coordinator a few days after listing, as a load
     * with a coordinator lists them. Without this, offers (past and live) would find no candidate
     * at a centre. One transaction.
     */
    private long takeOnUnplaced(long patientCount, long seed, UUID coordinator) {
        List<AccountId> patients = new ArrayList<>();
        for (long n = 1; n <= patientCount; n++) {
            patients.add(new AccountId(id("patient", n, seed)));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Long count =
                tx.execute(
                        status -> {
                            long taken = 0;
                            for (TransplantRequest r : requests.waitingWithoutCentre(patients)) {
                                var hospital =
                                        patientProfiles
                                                .find(new AccountId(r.patientId()))
                                                .orElseThrow()
                                                .hospital();
                                SplittableRandom random =
                                        random("taken on", r.id().getMostSignificantBits(), seed);
                                Instant checked =
                                        r.listedAt().plus(Duration.ofDays(1 + random.nextInt(5)));
                                UUID centre =
                                        DemoCentres.nearest(
                                                r.organ(), hospital.location().coordinates(), seed);
                                boolean took =
                                        requests.takeOn(
                                                new RequestId(r.id()),
                                                new TransplantCentreId(centre),
                                                new TransplantRequest.Verification(
                                                        checked.isAfter(now) ? now : checked,
                                                        coordinator,
                                                        "demo: clinical values checked against the"
                                                                + " referral"));
                                taken += took ? 1 : 0;
                            }
                            return taken;
                        });
        return count == null ? 0 : count;
    }

    /** After the donors, whose pledges some cases rest on; one transaction. */
    private long addCases(long donorCount, long seed, UUID coordinator) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.execute(
                s -> {
                    long count = 0;
                    for (long n = 1; n <= DemoCases.countFor(donorCount); n++) {
                        count += cases.add(n, donorCount, seed, coordinator, now) ? 1 : 0;
                    }
                    return count;
                });
    }

    /** The register of centres, kept by coordinators; one transaction. */
    private long addCentres(long seed, UUID coordinator) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.execute(
                s -> {
                    long count = 0;
                    for (int n = 0; n < DemoCentres.count(); n++) {
                        count += centres.add(n, seed, coordinator, now) ? 1 : 0;
                    }
                    return count;
                });
    }

    /** One transaction per batch of people 1..count. */
    private void submit(
            ExecutorService pool,
            List<Future<?>> batches,
            long count,
            LongConsumer person,
            AtomicLong done,
            LongConsumer progress) {
        for (long from = 1; from <= count; from += BATCH) {
            long start = from;
            long end = Math.min(count, from + BATCH - 1);
            batches.add(
                    pool.submit(
                            () -> {
                                tx.executeWithoutResult(
                                        s -> {
                                            for (long n = start; n <= end; n++) {
                                                person.accept(n);
                                            }
                                        });
                                progress.accept(done.addAndGet(end - start + 1));
                            }));
        }
    }

    public static String donorEmail(long n) {
        return String.format("donor.%06d@%s", n, EMAIL_DOMAIN);
    }

    public static String patientEmail(long n) {
        return String.format("patient.%06d@%s", n, EMAIL_DOMAIN);
    }

    private void donor(long n, long seed, AtomicLong[] added) {
        SplittableRandom r = random("donor", n, seed);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // at least 65 minutes ago: the pledges follow within the hour, never after now
        Instant registered = now.minus(Duration.ofMinutes(65 + r.nextInt(2 * 365 * 24 * 60)));
        DemoPeople.Person person = DemoPeople.draw(r, 18, 65, today);
        UUID id = id("donor", n, seed);
        if (!newAccount(id, donorEmail(n), Role.DONOR, person, registered)) {
            return;
        }
        IndianPlaces.City city = IndianPlaces.pick(r);
        donorProfiles.insert(
                new DonorProfile(
                        id,
                        person.demographics(),
                        city.location(),
                        r.nextInt(10) < 8 ? person.hla() : null,
                        new MedicalHistory(r.nextInt(100) < 15, r.nextInt(100) < 10, null),
                        registered,
                        registered,
                        registered,
                        0));
        added[0].incrementAndGet();
        for (Organ organ : pledgedOrgans(r)) {
            PledgeStatus status = pledgeStatus(r);
            Instant pledged = registered.plus(Duration.ofMinutes(5 + r.nextInt(60)));
            boolean reviewed = status != PledgeStatus.PENDING;
            pledges.insertIfNoneOpen(
                    new Pledge(
                            pledgeId(id, organ),
                            id,
                            organ,
                            status,
                            DemoOrgans.tests(organ, r),
                            pledged,
                            status == PledgeStatus.REJECTED
                                    ? "test reports incomplete; please upload the full report"
                                    : null,
                            pledged,
                            reviewed ? reviewedAt(pledged, r, now) : pledged,
                            null,
                            0));
            added[1].incrementAndGet();
        }
    }

    /**
     * The demo person's account, with the demo password; false when it exists already (a load run
     * again): the caller then leaves that person as they are.
     */
    private boolean newAccount(
            UUID id, String email, Role role, DemoPeople.Person person, Instant registered) {
        return accounts.insertIfAbsent(
                new Account(
                        id, email, role, person.fullName(), passwordHash, registered, registered));
    }

    /**
     * A patient and their request. With a coordinator, the request is listed at the demo centre
     * nearest the patient's hospital that transplants the organ, and verified by that coordinator a
     * few days after listing (one in twenty still awaits the check); without one, it is listed as
     * before centres existed.
     */
    private void patient(long n, long seed, Optional<UUID> coordinator, AtomicLong[] added) {
        SplittableRandom r = random("patient", n, seed);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Organ organ = WAITING_FOR.draw(r);
        Instant listed = now.minus(Duration.ofMinutes(1 + r.nextInt(maxWaitDays(organ) * 24 * 60)));
        Instant registered = listed.minus(Duration.ofDays(r.nextInt(30)));
        DemoPeople.Person person = DemoPeople.draw(r, organ == Organ.CORNEA ? 5 : 8, 72, today);
        UUID id = id("patient", n, seed);
        if (!newAccount(id, patientEmail(n), Role.PATIENT, person, registered)) {
            return;
        }
        IndianPlaces.City city = IndianPlaces.pick(r);
        patientProfiles.insert(
                new PatientProfile(
                        id,
                        person.demographics(),
                        person.hla(),
                        r.nextInt(5) == 0 ? sensitisation(r) : UnacceptableAntigens.NONE,
                        new Hospital(
                                city.name() + " Institute of Transplant Medicine", city.location()),
                        registered,
                        registered,
                        0));
        added[2].incrementAndGet();
        LocalDate listedOn = LocalDate.ofInstant(listed, ZoneOffset.UTC);
        var request = DemoOrgans.request(organ, r, listedOn, person.demographics().dateOfBirth());
        ListingAssessment.Assessed assessed =
                assessment.assess(organ, request, person.demographics(), listedOn);
        boolean removed = r.nextInt(20) == 0;
        // Drawn after every earlier value, so the rest of the patient is as before centres.
        boolean pending = r.nextInt(20) == 0;
        Instant checked = listed.plus(Duration.ofDays(1 + r.nextInt(5)));
        UUID centre =
                coordinator
                        .map(c -> DemoCentres.nearest(organ, city.location().coordinates(), seed))
                        .orElse(null);
        TransplantRequest.Verification verification =
                coordinator.isEmpty() || pending || removed
                        ? null
                        : new TransplantRequest.Verification(
                                checked.isAfter(now) ? now : checked,
                                coordinator.get(),
                                "demo: clinical values checked against the referral");
        RequestStatus status =
                removed
                        ? RequestStatus.REMOVED
                        : coordinator.isPresent() && pending
                                ? RequestStatus.PENDING_VERIFICATION
                                : RequestStatus.WAITING;
        requests.insertIfNoneOpen(
                new TransplantRequest(
                        UUID.nameUUIDFromBytes((id + "/" + organ).getBytes(StandardCharsets.UTF_8)),
                        id,
                        organ,
                        status,
                        request.urgency(),
                        assessed.values(),
                        assessed.scores(),
                        listed,
                        removed ? "condition improved; no longer needs a transplant" : null,
                        verification == null ? listed : verification.at(),
                        verification == null ? null : verification.by(),
                        centre,
                        verification,
                        List.of(),
                        0));
        added[3].incrementAndGet();
    }

    /** Some days after pledging, never later than now (a review cannot lie in the future). */
    private static Instant reviewedAt(Instant pledged, SplittableRandom r, Instant now) {
        Instant reviewed = pledged.plus(Duration.ofDays(1 + r.nextInt(10)));
        return reviewed.isAfter(now) ? now : reviewed;
    }

    private static final Weighted<Organ> WAITING_FOR =
            Weighted.of(Organ.KIDNEY, 62, Organ.LIVER, 23, Organ.HEART, 7, Organ.CORNEA, 8);

    private static int maxWaitDays(Organ organ) {
        return organ == Organ.KIDNEY ? 6 * 365 : organ == Organ.HEART ? 365 : 2 * 365;
    }

    private static List<Organ> pledgedOrgans(SplittableRandom r) {
        List<Organ> organs = new ArrayList<>();
        if (r.nextInt(100) < 55) organs.add(Organ.KIDNEY);
        if (r.nextInt(100) < 25) organs.add(Organ.LIVER);
        if (r.nextInt(100) < 8) organs.add(Organ.HEART);
        if (r.nextInt(100) < 40) organs.add(Organ.CORNEA);
        if (organs.isEmpty()) organs.add(Organ.KIDNEY);
        return organs;
    }

    private static PledgeStatus pledgeStatus(SplittableRandom r) {
        int ticket = r.nextInt(100);
        return ticket < 75
                ? PledgeStatus.VERIFIED
                : ticket < 93
                        ? PledgeStatus.PENDING
                        : ticket < 97 ? PledgeStatus.REJECTED : PledgeStatus.WITHDRAWN;
    }

    /** Antibodies against one to three common antigens, as a sensitised patient has. */
    private static UnacceptableAntigens sensitisation(SplittableRandom r) {
        HlaTyping foreign = DemoPeople.hla(r);
        List<String> antigens = new ArrayList<>();
        foreign.a().stream().limit(1).forEach(a -> antigens.add(a.toString()));
        if (r.nextBoolean()) foreign.b().stream().limit(1).forEach(b -> antigens.add(b.toString()));
        if (r.nextBoolean())
            foreign.dr().stream().limit(1).forEach(d -> antigens.add(d.toString()));
        return UnacceptableAntigens.of(antigens.toArray(String[]::new));
    }

    static SplittableRandom random(String kind, long n, long seed) {
        return new SplittableRandom(
                UUID.nameUUIDFromBytes(
                                (kind + ":" + seed + ":" + n).getBytes(StandardCharsets.UTF_8))
                        .getMostSignificantBits());
    }

    /** A demo donor's pledge of an organ: one per donor and organ, found again by its id. */
    static UUID pledgeId(UUID donor, Organ organ) {
        return UUID.nameUUIDFromBytes((donor + "/" + organ).getBytes(StandardCharsets.UTF_8));
    }

    static UUID id(String kind, long n, long seed) {
        return UUID.nameUUIDFromBytes(
                ("ramsetu-demo:" + kind + ":" + seed + ":" + n).getBytes(StandardCharsets.UTF_8));
    }
}
