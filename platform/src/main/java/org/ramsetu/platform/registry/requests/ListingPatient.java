package org.ramsetu.platform.registry.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.ramsetu.core.Require;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.centres.ListingCentres;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.Roles;
import org.ramsetu.platform.registry.patients.PatientProfile;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient is listed for an organ: the request is checked, scored with the clinical core, stored
 * {@code PENDING_VERIFICATION} with its scores and their formula versions (it counts for allocation
 * once its centre verifies it: {@link ChangingRequestStatus#verify}); {@link PatientListed}'s
 * listeners audit it and confirm it by e-mail in the same transaction.
 */
public class ListingPatient {

    private final TransplantRequests requests;
    private final PatientProfiles profiles;
    private final ListingAssessment assessment;
    private final ListingCentres centres;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ListingPatient(
            TransplantRequests requests,
            PatientProfiles profiles,
            PercentileTable eptsTable,
            ListingCentres centres,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.requests = requests;
        this.profiles = profiles;
        this.assessment = new ListingAssessment(eptsTable);
        this.centres = centres;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @throws DomainException InvalidInput naming an invalid field, Forbidden for a non-patient,
     *     Conflict without a (complete) patient profile or with an open request for the organ
     */
    public TransplantRequestView list(CurrentUser user, CreateTransplantRequest request) {
        Roles.require(user, Role.PATIENT, "request a transplant");
        Organ organ = Fields.requiredEnum("organ", request.organ(), Organ.class);
        int urgency = Fields.required("urgency", request.urgency());
        Require.inRange(
                "urgency",
                urgency,
                CreateTransplantRequest.MIN_URGENCY,
                CreateTransplantRequest.MAX_URGENCY,
                "");
        UUID centre = request.centreId();
        if (centre != null && !centres.transplants(new TransplantCentreId(centre), organ)) {
            throw InvalidInput.field(
                    "centreId",
                    "is not a registered transplant centre with a "
                            + organ
                            + " programme (GET /api/v1/centres lists them)");
        }
        Instant now = Sql.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return tx.execute(
                status -> {
                    PatientProfile profile = completeProfile(user, organ);
                    ListingAssessment.Assessed assessed =
                            assessment.assess(organ, request, profile.person(), today);
                    TransplantRequest listed =
                            new TransplantRequest(
                                    UUID.randomUUID(),
                                    user.id(),
                                    organ,
                                    RequestStatus.PENDING_VERIFICATION,
                                    urgency,
                                    assessed.values(),
                                    assessed.scores(),
                                    now,
                                    null,
                                    now,
                                    user.id(),
                                    centre,
                                    null,
                                    List.of(),
                                    0);
                    if (!requests.insertIfNoneOpen(listed)) {
                        throw openRequestExists(user, organ);
                    }
                    events.publishEvent(new PatientListed(listed, user));
                    return TransplantRequestView.of(
                            requests.findListing(listed.id()).orElseThrow(), now);
                });
    }

    private PatientProfile completeProfile(CurrentUser user, Organ organ) {
        PatientProfile profile =
                profiles.find(user.id())
                        .orElseThrow(
                                () ->
                                        new Conflict(
                                                "profile-required",
                                                "fill in your patient profile (PUT"
                                                        + " /api/v1/patients/me) before requesting"
                                                        + " a transplant: blood group, age, sex and"
                                                        + " hospital go into every score and"
                                                        + " match"));
        if (organ == Organ.KIDNEY && profile.hla() == null) {
            throw new Conflict(
                    "profile-incomplete",
                    "a kidney request needs the patient's HLA typing (A, B, DR) for matching;"
                            + " add it to the patient profile (PUT /api/v1/patients/me) first");
        }
        return profile;
    }

    private Conflict openRequestExists(CurrentUser user, Organ organ) {
        String which =
                requests.findOpen(user.id(), organ)
                        .map(open -> " (" + open.id() + ", " + open.status() + ")")
                        .orElse("");
        return new Conflict(
                "open-request-exists",
                "you already have an open "
                        + organ
                        + " transplant request"
                        + which
                        + "; a patient is listed once per organ");
    }
}
