package org.ramsetu.platform.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.ramsetu.platform.records.PageRequest;

/**
 * Describes the {@code limit} of a list paged by {@link PageRequest} with the bounds that class
 * enforces, so the API description states them once for every such list.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(
        description = "items per page",
        schema =
                @Schema(
                        types = "integer",
                        format = "int32",
                        minimum = "1",
                        maximum = "" + PageRequest.MAX_LIMIT,
                        defaultValue = "" + PageRequest.DEFAULT_LIMIT))
public @interface PageLimit {}
