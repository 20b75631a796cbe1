package org.ramsetu.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation ids of the handlers a controller inherits from a base that several controllers
 * share (donor and patient profiles), where an {@code @Operation} on the handler would give every
 * controller the same id. Each entry reads {@code "<handler method>=<operation id>"}; the API
 * description applies them, and refuses to describe an inherited handler left without one.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface InheritedOperations {

    /** {@code "<handler method>=<operation id>"}, e.g. {@code "mine=getMyDonorProfile"}. */
    String[] value();
}
