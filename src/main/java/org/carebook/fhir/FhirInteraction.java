package org.carebook.fhir;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a FHIR handler implements, for the CapabilityStatement: built from these declarations on the handlers
 * themselves, it lists exactly what is implemented.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface FhirInteraction {

    String resource();

    Kind kind();

    /** A search's parameters as {@code name:type}, such as {@code start:date}. */
    String[] searchParams() default {};

    /** An operation's name, without the {@code $}. */
    String operation() default "";

    String documentation() default "";

    enum Kind {
        READ,
        SEARCH,
        OPERATION
    }
}
