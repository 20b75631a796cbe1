package org.ramsetu.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that answers 201 with the record it created and that record's {@code
 * Location}. The API description states the answer from this, in the same words for every such
 * operation; the handler still builds the answer itself.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Created {

    /** What the body holds, as the description reads it after "created: ". */
    String value();

    /** The path of the created record, e.g. {@code /api/v1/pledges/{id}}. */
    String location();

    /** The type of the body. */
    Class<?> body();
}
