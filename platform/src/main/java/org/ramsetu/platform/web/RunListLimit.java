package org.ramsetu.platform.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.ramsetu.platform.records.RunListSize;

/**
 * Describes how many of a ranking run's candidates or exclusions a read asks for (match and
 * allocation runs alike) with the bounds of {@link RunListSize}, which their readers enforce.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(
        schema =
                @Schema(
                        types = "integer",
                        format = "int32",
                        minimum = "0",
                        maximum = "" + RunListSize.MAX))
public @interface RunListLimit {}
