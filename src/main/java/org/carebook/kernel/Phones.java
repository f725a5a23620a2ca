package org.carebook.kernel;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Phone numbers in E.164; a number without a country code is read in the organization's country. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    public static Optional<String> e164(String raw, String defaultCountry) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(raw, defaultCountry);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Reads an optional phone field, normalised, recording a problem if it is not a phone number. */
    public static String read(JsonFields body, String field, String country, String fallback) {
        String raw = body.text(field, 40, fallback);
        if (raw == null || !body.has(field)) {
            return raw;
        }
        if (raw.isBlank()) {
            return null;
        }
        return e164(raw, country).orElseGet(() -> {
            body.issue(field, "must be a phone number (with a country code, or one valid in the organization's country)");
            return raw;
        });
    }
}
