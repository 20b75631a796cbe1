package org.ramsetu.platform.donation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.FieldChecks;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.pledges.ChangingPledgeStatus;
import org.ramsetu.platform.registry.pledges.OrganTestResults;
import org.ramsetu.platform.registry.pledges.Pledge;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.pledges.Pledges;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Donation cases: a coordinator opens one when a donor dies, corrects the donor record as results
 * come in, and records what the recovery found. Coordinators only; every change and every read is
 * audited (the record is medical data).
 */
public class DonationCaseService {

    private final DonationCases cases;
    private final Pledges pledges;
    private final ChangingPledgeStatus changingPledges;
    private final PercentileTable kdpiTable;
    private final RecordAccess access;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    DonationCaseService(
            DonationCases cases,
            Pledges pledges,
            ChangingPledgeStatus changingPledges,
            PercentileTable kdpiTable,
            RecordAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.cases = cases;
        this.pledges = pledges;
        this.changingPledges = changingPledges;
        this.kdpiTable = kdpiTable;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @throws DomainException InvalidInput naming every wrong field; NotFound for an unknown
     *     pledge; Conflict when the pledge is not verified or its donor already has a case
     */
    public DonationCaseView open(CurrentUser coordinator, OpenCaseRequest request) {
        coordinator.requireCoordinator("open a donation case");
        Instant now = Sql.now(clock);
        FieldChecks checks = new FieldChecks();
        ConsentBasis basis =
                checks.check(
                        () ->
                                Fields.requiredEnum(
                                        "consent", request.consent(), ConsentBasis.class));
        if (basis == ConsentBasis.PLEDGE && request.pledgeId() == null) {
            checks.refuse("pledgeId", "is required when the consent is a pledge");
        }
        if (basis == ConsentBasis.FAMILY && request.pledgeId() != null) {
            checks.refuse(
                    "pledgeId",
                    "must be absent when the family consented; open the case from the pledge"
                            + " instead (consent PLEDGE)");
        }
        DonorRecord record =
                checks.check(
                        () -> Fields.required("record", request.record()).toRecord("record", now));
        checks.done();
        return tx.execute(
                status -> {
                    UUID donor = null;
                    if (basis == ConsentBasis.PLEDGE) {
                        donor = consentingDonor(request.pledgeId());
                    }
                    DonationCase opened =
                            new DonationCase(
                                    new DonationCaseId(UUID.randomUUID()),
                                    CaseStatus.OPEN,
                                    basis,
                                    request.pledgeId(),
                                    donor,
                                    record,
                                    null,
                                    null,
                                    Map.of(),
                                    coordinator.id(),
                                    now,
                                    coordinator.id(),
                                    now,
                                    0);
                    if (!cases.insert(opened)) {
                        throw donorHasCase(cases.ofDonor(donor).orElseThrow());
                    }
                    if (donor != null) {
                        // The donor died: their pledges leave matching and pledge allocation for
                        // good, in this transaction; the case allocates what is recovered.
                        changingPledges.closeOnDeath(
                                coordinator, new AccountId(donor), diedReason(opened.id()));
                    }
                    audit(
                            DonationAuditActions.DONATION_CASE_OPENED,
                            coordinator,
                            opened,
                            facts(opened));
                    return view(opened);
                });
    }

    /** Why a donor's pledges close: the case that records the death. */
    public static String diedReason(DonationCaseId caseId) {
        return "the donor died; donation case " + caseId.value() + " was opened";
    }

    private static Conflict donorHasCase(DonationCaseId existing) {
        return new Conflict(
                "donor-has-case",
                "this pledge's donor already has donation case "
                        + existing
                        + "; amend its record instead");
    }

    /** The donor of a pledge that records consent: verified, and not yet donated or withdrawn. */
    private UUID consentingDonor(UUID pledgeId) {
        Pledge pledge =
                pledges.find(new PledgeId(pledgeId))
                        .orElseThrow(() -> new NotFound("pledge", pledgeId));
        if (pledge.status() != PledgeStatus.VERIFIED) {
            // Opening a case closes the donor's pledges: a second opening from one of them is
            // told of the case, not that the pledge needs verifying.
            Optional<DonationCaseId> existing = cases.ofDonor(pledge.donorId());
            if (existing.isPresent()) {
                throw donorHasCase(existing.get());
            }
            throw new Conflict(
                    "pledge-not-verified",
                    "pledge "
                            + pledgeId
                            + " is "
                            + pledge.status()
                            + "; only a verified pledge records consent. Verify it, or record"
                            + " the family's consent (consent FAMILY)");
        }
        return pledge.donorId();
    }

    /**
     * @throws DomainException NotFound for an unknown case
     */
    public DonationCaseView one(CurrentUser coordinator, UUID id) {
        coordinator.requireCoordinator("read donation cases");
        return view(read(coordinator, new DonationCaseId(id), cases.find(new DonationCaseId(id))));
    }

    /** Newest first; each case listed is a record read, audited as such. */
    public DonationCaseList list(
            CurrentUser coordinator, @Nullable CaseStatus status, PageRequest page) {
        coordinator.requireCoordinator("list donation cases");
        Page<DonationCaseView> listed =
                Page.of(
                                cases.page(status, page.after(), page.limit() + 1),
                                page.limit(),
                                c -> new Cursor(c.openedAt(), c.id().value()))
                        .map(c -> view(read(coordinator, c.id(), Optional.of(c))));
        return new DonationCaseList(listed.items(), listed.nextCursor(), cases.count(status));
    }

    /**
     * Replaces the donor record, e.g. when serology comes back or a later creatinine is measured.
     *
     * @throws DomainException InvalidInput naming every wrong field; NotFound for an unknown case;
     *     Conflict when organs already recovered would fall outside the consent
     */
    public DonationCaseView amend(
            CurrentUser coordinator, UUID id, DonorRecordBody body, ExpectedVersion expected) {
        coordinator.requireCoordinator("amend a donor record");
        Instant now = Sql.now(clock);
        // The record is the whole body here: its fields are named from the top (ageYears).
        DonorRecord amended = Fields.required("record", body).toRecord("", now);
        return tx.execute(
                status -> {
                    DonationCase stored = stored(id);
                    expected.check(stored.version());
                    if (stored.organsRecovered() != null
                            && !amended.organsConsented().containsAll(stored.organsRecovered())) {
                        throw new Conflict(
                                "recovered-without-consent",
                                "organs "
                                        + DonorRecordBody.organNames(stored.organsRecovered())
                                        + " were recovered; the consent cannot leave any of them"
                                        + " out");
                    }
                    if (stored.crossClampAt() != null
                            && amended.declaredDeadAt().isAfter(stored.crossClampAt())) {
                        throw InvalidInput.field(
                                "declaredDeadAt",
                                "must not be after the recorded cross-clamp ("
                                        + stored.crossClampAt()
                                        + ")");
                    }
                    DonationCase changed = stored.withRecord(amended, coordinator.id(), now);
                    if (!cases.update(changed)) {
                        throw ExpectedVersion.stale();
                    }
                    audit(
                            DonationAuditActions.DONOR_RECORD_AMENDED,
                            coordinator,
                            changed,
                            Map.of(
                                    "fields",
                                    String.join(" ", amended.changedFrom(stored.record()))));
                    return view(changed);
                });
    }

    /**
     * Records the organs recovered and the cross-clamp; may be corrected while nothing else depends
     * on it.
     *
     * @throws DomainException InvalidInput naming every wrong field (an organ not consented among
     *     them); NotFound for an unknown case
     */
    public DonationCaseView recover(
            CurrentUser coordinator, UUID id, RecoveryRequest request, ExpectedVersion expected) {
        coordinator.requireCoordinator("record a recovery");
        Instant now = Sql.now(clock);
        return tx.execute(
                status -> {
                    DonationCase stored = stored(id);
                    expected.check(stored.version());
                    FieldChecks checks = new FieldChecks();
                    Set<Organ> organs =
                            checks.check(
                                    () ->
                                            DonorRecordBody.organs(
                                                    "organsRecovered",
                                                    request.organsRecovered(),
                                                    true));
                    if (organs != null && !stored.record().organsConsented().containsAll(organs)) {
                        checks.refuse(
                                "organsRecovered",
                                "may only name consented organs "
                                        + DonorRecordBody.organNames(
                                                stored.record().organsConsented()));
                    }
                    Instant clamp =
                            checks.check(
                                    () ->
                                            DonorRecordBody.past(
                                                    "crossClampAt", request.crossClampAt(), now));
                    if (clamp != null && clamp.isBefore(stored.record().declaredDeadAt())) {
                        checks.refuse(
                                "crossClampAt",
                                "must not be before death was declared ("
                                        + stored.record().declaredDeadAt()
                                        + ")");
                    }
                    Map<Organ, DonorTests> assessed =
                            checks.check(
                                    () ->
                                            (request.assessments() == null
                                                            ? OrganTestResults.NONE
                                                            : request.assessments())
                                                    .toCore("assessments"));
                    if (assessed != null && organs != null) {
                        for (Organ organ : assessed.keySet()) {
                            if (!organs.contains(organ)) {
                                checks.refuse(
                                        "assessments." + organ.name().toLowerCase(Locale.ROOT),
                                        "is for " + organ + ", which was not recovered");
                            }
                        }
                    }
                    checks.done();
                    DonationCase changed =
                            stored.recovered(organs, clamp, assessed, coordinator.id(), now);
                    if (!cases.update(changed)) {
                        throw ExpectedVersion.stale();
                    }
                    audit(
                            DonationAuditActions.ORGANS_RECOVERED,
                            coordinator,
                            changed,
                            Map.of(
                                    "organs",
                                    String.join(" ", DonorRecordBody.organNames(organs)),
                                    "assessed",
                                    String.join(
                                            " ", DonorRecordBody.organNames(assessed.keySet()))));
                    return view(changed);
                });
    }

    private DonationCase stored(UUID id) {
        DonationCaseId caseId = new DonationCaseId(id);
        return cases.find(caseId).orElseThrow(() -> new NotFound(DonationAuditActions.CASE, id));
    }

    private DonationCase read(
            CurrentUser coordinator, DonationCaseId id, Optional<DonationCase> found) {
        // No account owns a case: only the coordinators' branch of the check lets anyone read it,
        // and it leaves the MEDICAL_RECORD_READ row.
        return access.read(
                coordinator,
                DonationAuditActions.CASE,
                id.value(),
                found,
                c -> null,
                RecordAccess.Sensitivity.MEDICAL);
    }

    private DonationCaseView view(DonationCase c) {
        return DonationCaseView.of(c, kdpiTable);
    }

    private void audit(
            String action, CurrentUser coordinator, DonationCase c, Map<String, ?> facts) {
        audit.record(
                AuditEntry.of(action, AuditOutcome.SUCCESS)
                        .by(coordinator.id(), coordinator.role())
                        .on(DonationAuditActions.CASE, c.id().value())
                        .with(facts));
    }

    private static Map<String, ?> facts(DonationCase c) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("consent", c.consent().name());
        if (c.pledgeId() != null) {
            facts.put("pledgeId", c.pledgeId().toString());
        }
        facts.put(
                "organsConsented",
                String.join(" ", DonorRecordBody.organNames(c.record().organsConsented())));
        return facts;
    }
}
