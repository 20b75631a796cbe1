package org.ramsetu.platform.registry.patients;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.ramsetu.platform.registry.web.ProfileEndpoints;
import org.ramsetu.platform.web.InheritedOperations;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/patients}: the patient's own profile ({@code /me}) and, for coordinators, any
 * patient's profile by account id ({@link ProfileEndpoints}).
 */
@Tag(name = "Patients", description = "Patient profiles")
@RestController
@RequestMapping(PatientController.PATH)
@InheritedOperations({
    "mine=getMyPatientProfile",
    "save=saveMyPatientProfile",
    "read=getPatientProfile"
})
public class PatientController extends ProfileEndpoints<PatientProfileView, PatientProfileRequest> {

    static final String PATH = "/api/v1/patients";

    public PatientController(PatientProfileService profiles) {
        super(profiles, PATH);
    }
}
