package org.ramsetu.platform.registry.donors;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.ramsetu.platform.registry.web.ProfileEndpoints;
import org.ramsetu.platform.web.InheritedOperations;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/donors}: the donor's own profile ({@code /me}) and, for coordinators, any donor's
 * profile by account id ({@link ProfileEndpoints}).
 */
@Tag(name = "Donors", description = "Donor profiles")
@RestController
@RequestMapping(DonorController.PATH)
@InheritedOperations({"mine=getMyDonorProfile", "save=saveMyDonorProfile", "read=getDonorProfile"})
public class DonorController extends ProfileEndpoints<DonorProfileView, DonorProfileRequest> {

    static final String PATH = "/api/v1/donors";

    public DonorController(DonorProfileService profiles) {
        super(profiles, PATH);
    }
}
