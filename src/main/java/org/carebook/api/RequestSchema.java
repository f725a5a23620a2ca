package org.carebook.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The record that documents a handler's JSON body in the OpenAPI document. The handler reads its body with
 * {@link JsonFields#of(tools.jackson.databind.JsonNode, Class)} on the same record, so the fields the document
 * names are exactly the fields the server accepts.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequestSchema {

    Class<? extends Record> value();

    /** A partial update ({@code PATCH}): the same fields, none of them required. */
    boolean partial() default false;
}
