package org.ramsetu.platform.registry.donors;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.RegistryAuditActions;
import org.ramsetu.platform.registry.common.Demographics;
import org.ramsetu.platform.registry.common.Location;
import org.ramsetu.platform.registry.common.ProfileKeeping;
import org.ramsetu.platform.registry.common.ProfileService;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading and saving donor profiles. */
public class DonorProfileService implements ProfileService<DonorProfileView, DonorProfileRequest> {

    /** Self-registration as a donor is for adults; minors pledge through their guardians. */
    static final int MINIMUM_DONOR_AGE = 18;

    static final String KIND = "donor profile";

    private final ProfileKeeping<DonorProfile, DonorProfileView> keeping;
    private final Clock clock;

    public DonorProfileService(
            DonorProfiles profiles,
            RecordAccess access,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.keeping =
                new ProfileKeeping<>(
                        new ProfileKeeping.Kind<>(
                                Role.DONOR,
                                KIND,
                                RegistryAuditActions.DONOR_PROFILE_SAVED,
                                "create it with PUT /api/v1/donors/me",
                                profiles,
                                DonorProfile::accountId,
                                DonorProfile::version,
                                DonorProfileView::of),
                        access,
                        audit,
                        tx);
        this.clock = clock;
    }

    /**
     * Creates the caller's profile or replaces it, in one transaction with its audit entry.
     *
     * @throws DomainException InvalidInput naming an invalid field, Forbidden for a non-donor,
     *     Conflict when the profile changed since the version the caller names
     */
    @Override
    public ProfileKeeping.Saved<DonorProfileView> save(
            CurrentUser user, DonorProfileRequest request, String ifMatch) {
        keeping.requireOwnerRole(user);
        ExpectedVersion expected = ExpectedVersion.of(ifMatch, request.version());
        Instant now = Sql.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Demographics person =
                Demographics.of(
                        request.bloodGroup(),
                        request.dateOfBirth(),
                        request.sex(),
                        request.heightCm(),
                        request.weightKg(),
                        today);
        if (person.ageOn(today) < MINIMUM_DONOR_AGE) {
            throw InvalidInput.field(
                    "dateOfBirth",
                    "donors registering themselves must be at least "
                            + MINIMUM_DONOR_AGE
                            + " years old");
        }
        Location location = Fields.required("location", request.location()).toLocation("location");
        HlaTyping hla = request.hla() == null ? null : request.hla().toTyping("hla");
        MedicalHistory history =
                Fields.required("medicalHistory", request.medicalHistory()).toHistory();
        Fields.mustBeTrue(
                "consent",
                request.consent(),
                "RamSetu keeps your medical profile and shows it to transplant coordinators only"
                        + " with your consent");

        return keeping.save(
                user,
                expected,
                () -> new DonorProfile(user.id(), person, location, hla, history, now, now, now, 0),
                stored -> stored.changedTo(person, location, hla, history, now));
    }

    @Override
    public DonorProfileView mine(CurrentUser user) {
        return keeping.mine(user);
    }

    @Override
    public DonorProfileView read(CurrentUser user, UUID accountId) {
        return keeping.read(user, accountId);
    }
}
