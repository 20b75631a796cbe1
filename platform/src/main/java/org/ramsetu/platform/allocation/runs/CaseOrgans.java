package org.ramsetu.platform.allocation.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.allocation.AllocationDonor;
import org.ramsetu.core.donor.CorneaTests;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.HeartTests;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.LiverTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.donor.ViralMarker;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.donation.DonationCaseId;
import org.ramsetu.platform.donation.DonorRecord;
import org.ramsetu.platform.donation.KidneyRisk;
import org.ramsetu.platform.donation.RecoveredOrgan;
import org.ramsetu.platform.donation.RecoveredOrgans;
import org.ramsetu.platform.donation.SerologyResult;
import org.ramsetu.platform.kernel.Conflict;

/**
 * A donation case's recovered organ as the organ to allocate: the donor record at donation gives
 * blood group, HLA, body, the donor hospital and, for kidneys, KDRI/KDPI from all its factors (no
 * assumption, unlike a pledge), and the organ's assessment recorded with the recovery. Cold
 * ischaemia has been running since the cross-clamp: the run counts the hours already used against
 * each candidate's transport.
 */
class CaseOrgans {

    /** Longest storage the clinical core accepts for any organ (corneas in organ culture). */
    private static final double MAX_ELAPSED_HOURS = 28 * 24;

    private final RecoveredOrgans organs;
    private final PercentileTable kdpiTable;

    CaseOrgans(RecoveredOrgans organs, PercentileTable kdpiTable) {
        this.organs = organs;
        this.kdpiTable = kdpiTable;
    }

    Optional<RecoveredOrgan> find(DonationCaseId id, Organ organ) {
        return organs.find(id, organ);
    }

    /** Locks the case's row for the caller's transaction (recording a run). */
    Optional<RecoveredOrgan> lock(DonationCaseId id, Organ organ) {
        return organs.lock(id, organ);
    }

    /**
     * @throws org.ramsetu.platform.kernel.DomainException Conflict when the record lies outside
     *     what the ranking accepts (a body size, a cornea recovered too late)
     */
    OfferedOrgan offer(RecoveredOrgan organ, Instant asOf) {
        DonorRecord r = organ.record();
        DonorOffer offer;
        try {
            offer =
                    new DonorOffer(
                            organ.caseId().toString(),
                            organ.organ(),
                            r.bloodGroup(),
                            r.hla(),
                            r.hospital().location().coordinates(),
                            // The consent was verified when the coordinator opened the case.
                            PledgeStatus.VERIFIED,
                            organ.openedAt(),
                            elapsedHours(organ, asOf),
                            new BodySize(r.ageYears(), r.sex(), r.heightCm(), r.weightKg()),
                            tests(organ));
        } catch (InvalidClinicalValueException outside) {
            throw new Conflict(
                    "case-outside-ranking",
                    "donation case "
                            + organ.caseId()
                            + " cannot be ranked as recorded: "
                            + outside.getMessage());
        }
        DonorFacts facts = facts(organ);
        return new OfferedOrgan(
                null,
                null,
                null,
                organ.caseId().value(),
                organ.caseVersion(),
                new AllocationDonor(offer, facts.kdpi()),
                facts);
    }

    private static double elapsedHours(RecoveredOrgan organ, Instant asOf) {
        if (organ.crossClampAt() == null || asOf.isBefore(organ.crossClampAt())) {
            return 0;
        }
        double hours = Duration.between(organ.crossClampAt(), asOf).toSeconds() / 3600.0;
        return Math.min(hours, MAX_ELAPSED_HOURS);
    }

    /**
     * The organ's assessment recorded with the recovery, with what the donor record adds where it
     * is silent (serology, the kidney's terminal creatinine, the cornea's recovery time); without
     * an assessment, only what the record says (the rest stays unknown, null).
     */
    private static DonorTests tests(RecoveredOrgan organ) {
        DonorRecord r = organ.record();
        ViralMarker viral = viral(r.serology());
        DonorTests assessed = organ.assessment();
        return switch (organ.organ()) {
            case KIDNEY -> {
                KidneyTests k =
                        assessed instanceof KidneyTests given
                                ? given
                                : new KidneyTests(null, null, null, null);
                double terminal = r.terminalCreatinineMgDl();
                // The pledge form's range (0.1–25 mg/dL); KDRI takes the record's value as is.
                Double creatinine =
                        k.creatinineMgDl() != null
                                ? k.creatinineMgDl()
                                : terminal >= 0.1 && terminal <= 25 ? terminal : null;
                yield new KidneyTests(creatinine, k.renalFunction(), k.imaging(), k.cardiacRisk());
            }
            case LIVER -> {
                LiverTests l =
                        assessed instanceof LiverTests given
                                ? given
                                : new LiverTests(null, null, null, null, null);
                yield new LiverTests(
                        l.bilirubinMgDl(),
                        l.inr(),
                        l.liverFunction(),
                        l.imaging(),
                        l.viral() != null ? l.viral() : viral);
            }
            case HEART -> {
                HeartTests h =
                        assessed instanceof HeartTests given
                                ? given
                                : new HeartTests(null, null, null, null, null);
                yield new HeartTests(
                        h.lvefPercent(),
                        h.echo(),
                        h.angiography(),
                        h.viral() != null ? h.viral() : viral,
                        h.cardiacRisk());
            }
            case CORNEA -> {
                CorneaTests c =
                        assessed instanceof CorneaTests given
                                ? given
                                : new CorneaTests(null, null, null, null, null, null);
                Double hours = c.deathToEnucleationHours();
                if (hours == null && organ.crossClampAt() != null) {
                    hours =
                            Duration.between(r.declaredDeadAt(), organ.crossClampAt()).toMinutes()
                                    / 60.0;
                }
                yield new CorneaTests(
                        c.endothelialCellDensity(),
                        c.eyeHealth(),
                        c.infection(),
                        c.serology() != null ? c.serology() : viral,
                        hours,
                        c.storageMedium());
            }
        };
    }

    /** Any positive result is positive; all negative is negative; a pending one is unknown. */
    static ViralMarker viral(DonorRecord.Serology serology) {
        List<SerologyResult> results = List.of(serology.hcv(), serology.hbv(), serology.hiv());
        if (results.contains(SerologyResult.POSITIVE)) {
            return ViralMarker.POSITIVE;
        }
        return results.contains(SerologyResult.PENDING)
                ? ViralMarker.UNKNOWN
                : ViralMarker.NEGATIVE;
    }

    /** The kidney's KDRI/KDPI as the case shows it ({@link KidneyRisk}), nothing assumed. */
    private DonorFacts facts(RecoveredOrgan organ) {
        String bloodGroup = organ.record().bloodGroup().toString();
        if (organ.organ() != Organ.KIDNEY) {
            return new DonorFacts(bloodGroup, null, null, null, null, null, null, null);
        }
        KidneyRisk risk = KidneyRisk.of(organ.record(), kdpiTable);
        return new DonorFacts(
                bloodGroup,
                risk.kdri(),
                risk.kdriMedian(),
                risk.kdpi(),
                risk.formulaVersion(),
                risk.tableVersion(),
                risk.provisional(),
                risk.unknownBecause() == null
                        ? "from the donor record of donation case " + organ.caseId()
                        : "KDPI unknown: " + risk.unknownBecause());
    }
}
