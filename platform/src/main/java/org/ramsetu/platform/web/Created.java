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

    /**
     * The path of the created record, e.g. {@code /api/v1/pledges/{id}}. Without a leading slash it
     * follows the controller's own path: a handler that several controllers inherit (under {@code
     * /api/v1/donors} and {@code /api/v1/patients}) names {@code {accountId}}.
     */
    String location();

    /**
     * The type of the body; by default what the handler returns (inside its {@code
     * ResponseEntity}), as the controller binds the types a shared handler leaves open.
     */
    Class<?> body() default void.class;

    /**
     * For an operation that creates the record or replaces it (a {@code PUT} of the caller's own
     * profile): what the 200 of a replacement holds, as the description reads it after "replaced:
     * ". Empty for an operation that only creates.
     */
    String replaced() default "";
}
