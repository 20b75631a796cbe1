package org.ramsetu.platform.registry.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.ListingTransitions;
import org.ramsetu.platform.registry.common.RegistryProblems;
import org.ramsetu.platform.registry.common.TransitionRefused;
import org.ramsetu.platform.registry.patients.PatientProfile;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient updates a request's clinical values (new labs, a dialysis start): they are checked and
 * scored as at listing, and the request awaits its centre's check again, for the fields that
 * changed ({@code WAITING → PENDING_VERIFICATION}); it counts for allocation once the centre has
 * verified them. An update that changes nothing writes nothing.
 */
public class ChangingClinicalValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TransplantRequests requests;
    private final PatientProfiles profiles;
    private final ListingAssessment assessment;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ChangingClinicalValues(
            TransplantRequests requests,
            PatientProfiles profiles,
            PercentileTable eptsTable,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.requests = requests;
        this.profiles = profiles;
        this.assessment = new ListingAssessment(eptsTable);
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @throws DomainException Forbidden for a coordinator; NotFound for a request that is not the
     *     caller's; InvalidInput naming an invalid field; Conflict unless the request is pending or
     *     waiting, or when it changed after the version named
     */
    public TransplantRequestView change(
            CurrentUser patient, UUID id, ClinicalValuesChange body, ExpectedVersion expected) {
        Instant now = Sql.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return tx.execute(
                status -> {
                    TransplantRequest current = requests.existing(id);
                    if (!current.patientId().equals(patient.id())) {
                        // Coordinators read every request, so they are told why; to anyone else
                        // another patient's request does not exist.
                        if (patient.isCoordinator()) {
                            throw new Forbidden(
                                    "patient-only",
                                    "only the patient changes their clinical values; the centre"
                                            + " checks them when it verifies the request");
                        }
                        throw new NotFound(ReadingTransplantRequests.KIND, id);
                    }
                    // Refused for a matched, transplanted or removed request even when unchanged.
                    try {
                        RequestStateMachine.next(
                                current.status(), RequestAction.CHANGE_CLINICAL_VALUES);
                    } catch (TransitionRefused refused) {
                        throw RegistryProblems.illegalTransition(refused);
                    }
                    PatientProfile profile =
                            profiles.find(patient.id())
                                    .orElseThrow(
                                            () ->
                                                    new Conflict(
                                                            "profile-required",
                                                            "the patient profile is gone; fill"
                                                                    + " it in again first"));
                    ListingAssessment.Assessed assessed =
                            assessment.assess(current.organ(), body, profile.person(), today);
                    List<String> changed = changedFields(current, assessed.values());
                    if (changed.isEmpty()) {
                        expected.check(current.version());
                        return TransplantRequestView.of(
                                requests.findListing(id).orElseThrow(), now);
                    }
                    TransplantRequest edited =
                            ListingTransitions.apply(
                                    current,
                                    expected,
                                    RequestStateMachine::next,
                                    RequestAction.CHANGE_CLINICAL_VALUES,
                                    next ->
                                            current.edited(
                                                    next,
                                                    assessed.values(),
                                                    assessed.scores(),
                                                    changed,
                                                    patient.id(),
                                                    now),
                                    requests::updateClinical);
                    events.publishEvent(
                            new ClinicalValuesChanged(edited, current.status(), changed, patient));
                    return TransplantRequestView.of(requests.findListing(id).orElseThrow(), now);
                });
    }

    /** The values' fields that differ, named under the organ (e.g. {@code liver.inr}). */
    static List<String> changedFields(TransplantRequest current, ClinicalValues next) {
        JsonNode before = JSON.valueToTree(current.clinical());
        JsonNode after = JSON.valueToTree(next);
        String organ = current.organ().name().toLowerCase(Locale.ROOT);
        List<String> changed = new ArrayList<>();
        for (String name : after.propertyNames()) {
            if (!after.get(name).equals(before.get(name))) {
                changed.add(organ + "." + name);
            }
        }
        return changed;
    }
}
