package org.ramsetu.platform.coordination;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes what every CSV export answers: the file, streamed, or, when it has too many rows to
 * stream in the request, 202 with the export job that makes it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponses({
    @ApiResponse(
            responseCode = "200",
            description = "the CSV, streamed",
            content = @Content(mediaType = "text/csv", schema = @Schema(types = "string"))),
    @ApiResponse(
            responseCode = "202",
            description = "too many rows to stream: queued as an export job, Location names it",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/v1/reports/exports/{id}",
                            schema = @Schema(types = "string", format = "uri-reference")),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            implementation =
                                                    CoordinationController.QueuedExport.class)))
})
@interface ExportResponses {}
