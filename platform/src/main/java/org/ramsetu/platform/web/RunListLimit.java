package org.ramsetu.platform.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes how many of a ranking run's candidates or exclusions a read asks for (match and
 * allocation runs alike): 0 to {@link #MAX}, as their readers enforce.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(
        schema =
                @Schema(
                        types = "integer",
                        format = "int32",
                        minimum = "0",
                        maximum = "" + RunListLimit.MAX))
public @interface RunListLimit {

    /** The most rows of a run one read answers. */
    int MAX = 10_000;
}
