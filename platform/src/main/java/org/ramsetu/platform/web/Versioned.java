package org.ramsetu.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read that answers with the record's version as {@code ETag} and with 304 when {@code
 * If-None-Match} holds that version already. The API description states both from this.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Versioned {

    /** What the 200 body is, e.g. "the pledge". */
    String value();
}
