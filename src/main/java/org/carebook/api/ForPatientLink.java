package org.carebook.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint for the patient holding a manage link, and for nobody else: no API key reaches it, and a
 * manage link reaches nothing else. Its handler takes no appointment id; the link names the appointment.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ForPatientLink {}
