package org.ramsetu.platform.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.donation.CaseStatus;
import org.ramsetu.platform.donation.CauseOfDeath;
import org.ramsetu.platform.donation.ConsentBasis;
import org.ramsetu.platform.donation.DonationCase;
import org.ramsetu.platform.donation.DonationCaseId;
import org.ramsetu.platform.donation.DonationCaseService;
import org.ramsetu.platform.donation.DonationCases;
import org.ramsetu.platform.donation.DonationPathway;
import org.ramsetu.platform.donation.DonorRecord;
import org.ramsetu.platform.donation.SerologyResult;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.registry.donors.DonorProfile;
import org.ramsetu.platform.registry.donors.DonorProfiles;
import org.ramsetu.platform.registry.patients.Hospital;
import org.ramsetu.platform.registry.pledges.ChangingPledgeStatus;
import org.ramsetu.platform.registry.pledges.Pledge;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.pledges.Pledges;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo donation cases: one per thousand demo donors (at least sixteen, enough offer histories,
 * {@link DemoOffers}, to count declines by), the first two from the last few hours, the rest over
 * the last two years. Odd cases rest on a demo donor's verified pledges, with that donor's blood
 * group, body and HLA (and close them, as opening a case does); even ones on a family's consent, a
 * fifth of them children. Cases older than a day have their recovery recorded. Case {@code n} of a
 * seed is always the same case, so loading again adds only what is missing.
 */
final class DemoCases {

    private static final Weighted<CauseOfDeath> CAUSES =
            Weighted.of(
                    CauseOfDeath.CEREBROVASCULAR, 35,
                    CauseOfDeath.HEAD_TRAUMA, 32,
                    CauseOfDeath.ANOXIA, 23,
                    CauseOfDeath.CNS_TUMOUR, 3,
                    CauseOfDeath.OTHER, 7);

    private final DonationCases cases;
    private final DonorProfiles donors;
    private final Pledges pledges;
    private final TransactionTemplate tx;

    DemoCases(DonationCases cases, DonorProfiles donors, Pledges pledges, TransactionTemplate tx) {
        this.cases = cases;
        this.donors = donors;
        this.pledges = pledges;
        this.tx = tx;
    }

    static long countFor(long donorCount) {
        return Math.min(donorCount, Math.max(16, donorCount / 1000));
    }

    /**
     * @return whether case {@code n} was added (false when it exists)
     */
    boolean add(long n, long donorCount, long seed, UUID coordinator, Instant now) {
        SplittableRandom r = DemoLoader.random("case", n, seed);
        // The first two cases are this morning's, their organs recovered and still usable (a
        // coordinator can allocate them at once); the rest spread over two years.
        boolean recent = n <= 2;
        Optional<Consented> consented =
                n % 2 == 1 ? pledged(1 + (n * 7919) % donorCount, seed, now) : Optional.empty();
        Instant drawn =
                now.minus(
                        Duration.ofMinutes(
                                recent ? 180 + r.nextInt(180) : r.nextInt(2 * 365 * 24 * 60)));
        // A donor dies after their pledges were last reviewed: halfway from then to now at the
        // earliest.
        Instant dead =
                consented
                        .map(Consented::lastChange)
                        .filter(drawn::isBefore)
                        .map(last -> last.plus(Duration.between(last, now).dividedBy(2)))
                        .orElse(drawn);
        DonorRecord record =
                consented.isPresent()
                        ? record(r, consented.get(), dead)
                        : record(r, family(r, now), dead);
        Instant clamp =
                dead.plus(
                        Duration.ofMinutes(recent ? 60 + r.nextInt(60) : 120 + r.nextInt(8 * 60)));
        boolean recovered = clamp.isBefore(now);
        Set<Organ> organs = EnumSet.noneOf(Organ.class);
        for (Organ organ : record.organsConsented()) {
            if (r.nextInt(100) < 85) {
                organs.add(organ);
            }
        }
        Map<Organ, DonorTests> assessments = new EnumMap<>(Organ.class);
        if (recovered) {
            for (Organ organ : organs) {
                assessments.put(organ, DemoOrgans.tests(organ, r));
            }
        }
        Instant opening = dead.plus(Duration.ofMinutes(10 + r.nextInt(40)));
        Instant opened = opening.isAfter(now) ? now : opening;
        DonationCaseId caseId = new DonationCaseId(DemoLoader.id("case", n, seed));
        boolean added =
                cases.insert(
                        new DonationCase(
                                caseId,
                                recovered ? CaseStatus.RECOVERED : CaseStatus.OPEN,
                                consented.isPresent() ? ConsentBasis.PLEDGE : ConsentBasis.FAMILY,
                                consented.map(c -> c.pledge().id()).orElse(null),
                                consented.map(c -> c.pledge().donorId()).orElse(null),
                                record,
                                recovered ? organs : null,
                                recovered ? clamp : null,
                                assessments,
                                coordinator,
                                opened,
                                coordinator,
                                recovered ? clamp : opened,
                                recovered ? 1 : 0));
        if (added && consented.isPresent()) {
            // As when a coordinator opens a case from a pledge: the donor's pledges close, on
            // the day the case was opened.
            new ChangingPledgeStatus(
                            pledges, null, event -> {}, tx, Clock.fixed(opened, ZoneOffset.UTC))
                    .closeOnDeath(
                            new CurrentUser(coordinator, Role.ADMIN),
                            new AccountId(consented.get().pledge().donorId()),
                            DonationCaseService.diedReason(caseId));
        }
        return added;
    }

    /** Who died and what they consented to, before the clinical values. */
    private record Consented(
            Pledge pledge,
            @Nullable Instant lastChange,
            int ageYears,
            Sex sex,
            double heightCm,
            double weightKg,
            BloodGroup bloodGroup,
            HlaTyping hla,
            Set<Organ> organs) {}

    /** Demo donor {@code d}'s verified pledges as consent, if the donor has any. */
    private Optional<Consented> pledged(long d, long seed, Instant now) {
        UUID donor = DemoLoader.id("donor", d, seed);
        Optional<DonorProfile> profile = donors.find(new AccountId(donor));
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Pledge first = null;
        Instant lastChange = null;
        Set<Organ> organs = EnumSet.noneOf(Organ.class);
        for (Organ organ : Organ.values()) {
            Optional<Pledge> pledge = pledges.find(new PledgeId(DemoLoader.pledgeId(donor, organ)));
            if (pledge.isPresent()
                    && (lastChange == null || pledge.get().statusChangedAt().isAfter(lastChange))) {
                lastChange = pledge.get().statusChangedAt();
            }
            if (pledge.isPresent() && pledge.get().status() == PledgeStatus.VERIFIED) {
                organs.add(organ);
                first = first == null ? pledge.get() : first;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        var person = profile.get().person();
        return Optional.of(
                new Consented(
                        first,
                        lastChange,
                        person.ageOn(LocalDate.ofInstant(now, ZoneOffset.UTC)),
                        person.sex(),
                        person.heightCm(),
                        person.weightKg(),
                        person.bloodGroup(),
                        profile.get().hla() != null
                                ? profile.get().hla()
                                : DemoPeople.hla(DemoLoader.random("case-hla", d, seed)),
                        organs));
    }

    /** Someone who never pledged: a fifth are children, with a child's height and weight. */
    private static Consented family(SplittableRandom r, Instant now) {
        var adult = DemoPeople.draw(r, 18, 75, LocalDate.ofInstant(now, ZoneOffset.UTC));
        Set<Organ> organs = EnumSet.of(Organ.KIDNEY);
        for (Organ organ : new Organ[] {Organ.LIVER, Organ.HEART, Organ.CORNEA}) {
            if (r.nextInt(100) < 60) {
                organs.add(organ);
            }
        }
        if (r.nextInt(5) > 0) {
            var d = adult.demographics();
            return new Consented(
                    null,
                    null,
                    d.ageOn(LocalDate.ofInstant(now, ZoneOffset.UTC)),
                    d.sex(),
                    d.heightCm(),
                    d.weightKg(),
                    d.bloodGroup(),
                    adult.hla(),
                    organs);
        }
        int age = 1 + r.nextInt(17);
        double height = Math.round(75 + 6.2 * age + r.nextGaussian() * 4);
        double weight = Math.round(9 + 2.6 * age + r.nextGaussian() * 2);
        return new Consented(
                null,
                null,
                age,
                adult.demographics().sex(),
                Math.min(190, height),
                Math.max(8, weight),
                adult.demographics().bloodGroup(),
                adult.hla(),
                organs);
    }

    private static DonorRecord record(SplittableRandom r, Consented who, Instant dead) {
        SerologyResult hcv = r.nextInt(100) < 2 ? SerologyResult.POSITIVE : SerologyResult.NEGATIVE;
        SerologyResult hbv = r.nextInt(100) < 3 ? SerologyResult.POSITIVE : SerologyResult.NEGATIVE;
        IndianPlaces.City city = IndianPlaces.pick(r);
        double creatinine =
                Math.round(Math.min(6, Math.max(0.3, Math.exp(r.nextGaussian() * 0.45))) * 100)
                        / 100.0;
        return new DonorRecord(
                who.ageYears(),
                who.sex(),
                who.heightCm(),
                who.weightKg(),
                who.bloodGroup(),
                who.hla(),
                CAUSES.draw(r),
                r.nextInt(100) < 18 ? DonationPathway.DCD : DonationPathway.DBD,
                creatinine,
                who.ageYears() >= 18 && r.nextInt(100) < 22,
                who.ageYears() >= 18 && r.nextInt(100) < 9,
                new DonorRecord.Serology(hcv, hbv, SerologyResult.NEGATIVE),
                dead,
                new Hospital(city.name() + " Government Medical College", city.location()),
                who.organs());
    }
}
