package org.ramsetu.platform.registry.patients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.ramsetu.platform.records.ETags;
import org.ramsetu.platform.registry.common.ProfileKeeping;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.Created;
import org.ramsetu.platform.web.Versioned;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/patients}: the patient's own profile ({@code /me}) and, for coordinators, any
 * patient's profile by account id. Versioned like donor profiles ({@code ETag}, {@code If-Match}).
 */
@Tag(name = "Patients", description = "Patient profiles")
@RestController
@RequestMapping("/api/v1/patients")
public class PatientController {

    private final PatientProfileService profiles;

    public PatientController(PatientProfileService profiles) {
        this.profiles = profiles;
    }

    @Operation(operationId = "getMyPatientProfile")
    @Versioned("the profile")
    @ApiResponse(responseCode = "404", description = "no profile yet: PUT creates it")
    @GetMapping("/me")
    public ResponseEntity<PatientProfileView> mine(CurrentUser user) {
        return withETag(ResponseEntity.ok(), profiles.mine(user));
    }

    /** 201 when this created the profile, 200 when it replaced it. */
    @Operation(operationId = "saveMyPatientProfile")
    @ApiResponse(
            responseCode = "200",
            description = "replaced: the profile",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PatientProfileView.class)))
    @Created(
            value = "the profile",
            location = "/api/v1/patients/{accountId}",
            body = PatientProfileView.class)
    @PutMapping("/me")
    public ResponseEntity<PatientProfileView> save(
            CurrentUser user,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody PatientProfileRequest body) {
        ProfileKeeping.Saved<PatientProfileView> saved = profiles.save(user, body, ifMatch);
        return withETag(
                saved.created()
                        ? ResponseEntity.created(URI.create("/api/v1/patients/" + user.id()))
                        : ResponseEntity.ok(),
                saved.profile());
    }

    @Operation(operationId = "getPatientProfile")
    @GetMapping("/{accountId}")
    public ResponseEntity<PatientProfileView> read(CurrentUser user, @PathVariable UUID accountId) {
        return withETag(ResponseEntity.ok(), profiles.read(user, accountId));
    }

    private static ResponseEntity<PatientProfileView> withETag(
            ResponseEntity.BodyBuilder response, PatientProfileView profile) {
        return response.eTag(ETags.of(profile.version())).body(profile);
    }
}
