package org.ramsetu.platform.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.ramsetu.platform.records.RunListSize;

/**
 * Describes the rank a read of a ranking run's candidates starts at (match and allocation runs
 * alike), so that a client pages through a whole ranked list, with the bounds of {@link
 * RunListSize#firstRank}, which their readers enforce.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(
        description =
                "the rank of the first candidate answered (default 1, the head): with"
                        + " `candidates`, a page of the ranked list",
        schema =
                @Schema(
                        types = "integer",
                        format = "int32",
                        minimum = "1",
                        maximum = "" + RunListSize.MAX_RANK))
public @interface RunListStart {}
