package org.ramsetu.platform.registry.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.UUID;
import org.ramsetu.platform.records.ETags;
import org.ramsetu.platform.registry.common.ProfileKeeping;
import org.ramsetu.platform.registry.common.ProfileService;
import org.ramsetu.platform.registry.common.ProfileView;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.web.Created;
import org.ramsetu.platform.web.InheritedOperations;
import org.ramsetu.platform.web.Versioned;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The endpoints of a role's profile, donors and patients alike, under the path of each role's
 * controller: the owner's own profile ({@code GET} and {@code PUT /me}) and, for coordinators, any
 * profile by account id ({@code GET /{accountId}}). Answers carry the version as {@code ETag}; a
 * {@code PUT} with {@code If-Match} (or {@code version}) is refused with 409 when the profile
 * changed meanwhile. Each controller names these operations with {@link InheritedOperations}.
 *
 * @param <V> the profile as callers are shown it
 * @param <R> what a save sends
 */
public abstract class ProfileEndpoints<V extends ProfileView, R> {

    private final ProfileService<V, R> profiles;
    private final String path;

    /**
     * @param path the controller's path, e.g. {@code /api/v1/donors}: a created profile is there
     */
    protected ProfileEndpoints(ProfileService<V, R> profiles, String path) {
        this.profiles = profiles;
        this.path = path;
    }

    @Versioned("the profile")
    @ApiResponse(responseCode = "404", description = "no profile yet: PUT creates it")
    @GetMapping("/me")
    public ResponseEntity<V> mine(CurrentUser user) {
        return withETag(ResponseEntity.ok(), profiles.mine(user));
    }

    /** 201 when this created the profile, 200 when it replaced it. */
    @Created(value = "the profile", location = "{accountId}", replaced = "the profile")
    @PutMapping("/me")
    public ResponseEntity<V> save(
            CurrentUser user,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody R body) {
        ProfileKeeping.Saved<V> saved = profiles.save(user, body, ifMatch);
        return withETag(
                saved.created()
                        ? ResponseEntity.created(URI.create(path + "/" + user.id()))
                        : ResponseEntity.ok(),
                saved.profile());
    }

    @GetMapping("/{accountId}")
    public ResponseEntity<V> read(CurrentUser user, @PathVariable UUID accountId) {
        return withETag(ResponseEntity.ok(), profiles.read(user, accountId));
    }

    private ResponseEntity<V> withETag(ResponseEntity.BodyBuilder response, V profile) {
        return response.eTag(ETags.of(profile.version())).body(profile);
    }
}
