package org.carebook.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The record that documents a handler's JSON body in the OpenAPI document. The handler reads its body with
 * {@link BodyReader#read(tools.jackson.databind.JsonNode, Class)} into the same record, so the fields and limits
 * the document names are exactly the ones the server applies.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequestSchema {

    Class<? extends Record> value();

    /** A partial update ({@code PATCH}): the same fields, none of them required. */
    boolean partial() default false;
}
