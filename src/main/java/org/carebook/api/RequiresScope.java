package org.carebook.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.carebook.kernel.Scope;

/**
 * The scope an endpoint needs; with several, any one of them is enough. Every {@code /v1} handler
 * carries one (checked by a test), so no endpoint is open by omission.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {
    Scope[] value();

    /** Whether only live-mode callers may reach it ({@code 403 live_only} for test mode): real people, real data. */
    boolean liveOnly() default false;
}
