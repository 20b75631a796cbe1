package org.ramsetu.platform.registry.patients;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.RegistryAuditActions;
import org.ramsetu.platform.registry.common.Demographics;
import org.ramsetu.platform.registry.common.HlaText;
import org.ramsetu.platform.registry.common.ProfileKeeping;
import org.ramsetu.platform.registry.common.ProfileService;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading and saving patient profiles. */
public class PatientProfileService
        implements ProfileService<PatientProfileView, PatientProfileRequest> {

    static final String KIND = "patient profile";

    private final ProfileKeeping<PatientProfile, PatientProfileView> keeping;
    private final Clock clock;

    public PatientProfileService(
            PatientProfiles profiles,
            RecordAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.keeping =
                new ProfileKeeping<>(
                        new ProfileKeeping.Kind<>(
                                Role.PATIENT,
                                KIND,
                                RegistryAuditActions.PATIENT_PROFILE_SAVED,
                                "create it with PUT /api/v1/patients/me",
                                profiles,
                                PatientProfile::accountId,
                                PatientProfile::version,
                                PatientProfileView::of),
                        access,
                        audit,
                        tx);
        this.clock = clock;
    }

    /**
     * Creates the caller's profile or replaces it, in one transaction with its audit entry.
     *
     * @throws DomainException InvalidInput naming an invalid field, Forbidden for a non-patient,
     *     Conflict when the profile changed since the version the caller names
     */
    @Override
    public ProfileKeeping.Saved<PatientProfileView> save(
            CurrentUser user, PatientProfileRequest request, String ifMatch) {
        keeping.requireOwnerRole(user);
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

        return keeping.save(
                user,
                expected,
                () ->
                        new PatientProfile(
                                user.id(), person, hla, unacceptable, hospital, now, now, 0),
                stored -> stored.changedTo(person, hla, unacceptable, hospital, now));
    }

    @Override
    public PatientProfileView mine(CurrentUser user) {
        return keeping.mine(user);
    }

    @Override
    public PatientProfileView read(CurrentUser user, UUID accountId) {
        return keeping.read(user, accountId);
    }
}
