package org.carebook.notification;

import java.util.Locale;

/** Why a planned message is recorded but never sent. */
enum Suppression {
    /** Test mode never sends. */
    TEST_MODE,
    /** An SMS to a country the organization does not text ({@code sms_countries}). */
    COUNTRY_NOT_ALLOWED,
    /** The recipient already has the day's most messages ({@code CAREBOOK_SMS_PER_PHONE_PER_DAY}, ...). */
    DAILY_LIMIT,
    /** The patient was erased before it went ({@link ErasedMessages}). */
    PATIENT_ERASED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
