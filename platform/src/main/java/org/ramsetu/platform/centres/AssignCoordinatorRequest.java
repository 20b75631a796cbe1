package org.ramsetu.platform.centres;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Who is to work for a centre.
 *
 * @param email the e-mail of the coordinator's account, any case (an address, at most 254
 *     characters)
 */
public record AssignCoordinatorRequest(
        @Nullable @Schema(example = "meera@hospital.org") String email) {}
