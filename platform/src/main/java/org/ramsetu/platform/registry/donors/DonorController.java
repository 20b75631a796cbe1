package org.ramsetu.platform.registry.donors;

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
 * {@code /api/v1/donors}: the donor's own profile ({@code /me}) and, for coordinators, any donor's
 * profile by account id. Responses carry the version as {@code ETag}; a {@code PUT} with {@code
 * If-Match} (or {@code version}) is refused with 409 when the profile changed meanwhile.
 */
@Tag(name = "Donors", description = "Donor profiles")
@RestController
@RequestMapping("/api/v1/donors")
public class DonorController {

    private final DonorProfileService profiles;

    public DonorController(DonorProfileService profiles) {
        this.profiles = profiles;
    }

    @Operation(operationId = "getMyDonorProfile")
    @Versioned("the profile")
    @ApiResponse(responseCode = "404", description = "no profile yet: PUT creates it")
    @GetMapping("/me")
    public ResponseEntity<DonorProfileView> mine(CurrentUser user) {
        return withETag(ResponseEntity.ok(), profiles.mine(user));
    }

    /** 201 when this created the profile, 200 when it replaced it. */
    @Operation(operationId = "saveMyDonorProfile")
    @ApiResponse(
            responseCode = "200",
            description = "replaced: the profile",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = DonorProfileView.class)))
    @Created(
            value = "the profile",
            location = "/api/v1/donors/{accountId}",
            body = DonorProfileView.class)
    @PutMapping("/me")
    public ResponseEntity<DonorProfileView> save(
            CurrentUser user,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody DonorProfileRequest body) {
        ProfileKeeping.Saved<DonorProfileView> saved = profiles.save(user, body, ifMatch);
        return withETag(
                saved.created()
                        ? ResponseEntity.created(URI.create("/api/v1/donors/" + user.id()))
                        : ResponseEntity.ok(),
                saved.profile());
    }

    @Operation(operationId = "getDonorProfile")
    @GetMapping("/{accountId}")
    public ResponseEntity<DonorProfileView> read(CurrentUser user, @PathVariable UUID accountId) {
        return withETag(ResponseEntity.ok(), profiles.read(user, accountId));
    }

    private static ResponseEntity<DonorProfileView> withETag(
            ResponseEntity.BodyBuilder response, DonorProfileView profile) {
        return response.eTag(ETags.of(profile.version())).body(profile);
    }
}
