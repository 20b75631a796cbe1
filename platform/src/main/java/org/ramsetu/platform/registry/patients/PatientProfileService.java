package org.ramsetu.platform.registry.patients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.RegistryAuditActions;
import org.ramsetu.platform.registry.common.Demographics;
import org.ramsetu.platform.registry.common.HlaText;
import org.ramsetu.platform.registry.common.RegistryProblems;
import org.ramsetu.platform.registry.common.Roles;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading and saving patient profiles. */
public class PatientProfileService {

    static final String KIND = "patient profile";

    private final PatientProfiles profiles;
    private final RecordAccess access;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PatientProfileService(
            PatientProfiles profiles,
            RecordAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.profiles = profiles;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The profile and whether this request created it. */
    public record Saved(PatientProfileView profile, boolean created) {}

    /**
     * Creates the caller's profile or replaces it, in one transaction with its audit entry.
     *
     * @throws DomainException InvalidInput naming an invalid field, Forbidden for a non-patient,
     *     Conflict when the profile changed since the version the caller names
     */
    public Saved save(CurrentUser user, PatientProfileRequest request, String ifMatch) {
        Roles.require(user, Role.PATIENT, "keep a patient profile");
        ExpectedVersion expected = ExpectedVersion.of(ifMatch, request.version());
        Instant now = Sql.now(clock);
        Demographics person =
                Demographics.of(
                        request.bloodGroup(),
                        request.dateOfBirth(),
                        request.sex(),
                        request.heightCm(),
                        request.weightKg(),
                        LocalDate.ofInstant(now, ZoneOffset.UTC));
        HlaTyping hla = request.hla() == null ? null : request.hla().toTyping("hla");
        UnacceptableAntigens unacceptable =
                HlaText.parseAntigens("unacceptableAntigens", request.unacceptableAntigens());
        Hospital hospital = Fields.required("hospital", request.hospital()).toHospital("hospital");

        return tx.execute(
                status -> {
                    var existing = profiles.find(user.id());
                    PatientProfile saved;
                    if (existing.isEmpty()) {
                        if (expected.given()) {
                            throw ExpectedVersion.stale();
                        }
                        saved =
                                new PatientProfile(
                                        user.id(),
                                        person,
                                        hla,
                                        unacceptable,
                                        hospital,
                                        now,
                                        now,
                                        0);
                        if (!profiles.insert(saved)) {
                            throw ExpectedVersion.stale();
                        }
                    } else {
                        expected.check(existing.get().version());
                        saved = existing.get().changedTo(person, hla, unacceptable, hospital, now);
                        if (!profiles.update(saved)) {
                            throw ExpectedVersion.stale();
                        }
                    }
                    audit.record(
                            AuditEntry.of(
                                            RegistryAuditActions.PATIENT_PROFILE_SAVED,
                                            AuditOutcome.SUCCESS)
                                    .by(user.id(), user.role())
                                    .on(KIND, user.id())
                                    .with(Map.of("version", saved.version())));
                    return new Saved(PatientProfileView.of(saved), existing.isEmpty());
                });
    }

    /**
     * @throws DomainException Forbidden for a non-patient, NotFound before the first save
     */
    public PatientProfileView mine(CurrentUser user) {
        Roles.require(user, Role.PATIENT, "keep a patient profile");
        return profiles.find(user.id())
                .map(PatientProfileView::of)
                .orElseThrow(
                        () ->
                                RegistryProblems.notCreatedYet(
                                        "you have no patient profile yet; create it with PUT"
                                                + " /api/v1/patients/me"));
    }

    /**
     * The owner's or, for coordinators, anyone's profile (an audited medical read).
     *
     * @throws DomainException NotFound when there is none or it is someone else's
     */
    public PatientProfileView read(CurrentUser user, UUID accountId) {
        return PatientProfileView.of(
                access.read(
                        user,
                        KIND,
                        accountId,
                        profiles.find(accountId),
                        PatientProfile::accountId,
                        RecordAccess.Sensitivity.MEDICAL));
    }
}
