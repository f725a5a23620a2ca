package org.carebook.kernel;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/**
 * Phone numbers in E.164; a number without a country code is read in the organization's country. A number
 * is refused only when it cannot exist (its length, its country code), not when its range is missing from
 * the metadata: new ranges and the ranges kept for drama and tests are real numbers too, and a refused
 * booking costs more than a text that bounces.
 */
public final class Phones {

    public static final int MAX_LENGTH = 40;
    private static final String NOT_A_PHONE =
            "must be a phone number (with a country code, or one valid in the organization's country)";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {}

    public static Optional<String> e164(String raw, String defaultCountry) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(raw, defaultCountry);
            // Possible with its area code: a number that could only be dialled locally cannot be texted or called back.
            if (UTIL.isPossibleNumberWithReason(number) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The country (ISO 3166-1 alpha-2) of an E.164 number: by its range where the metadata knows it, else the
     * main country of its calling code; empty if not a phone number.
     */
    public static Optional<String> country(String e164) {
        try {
            var number = UTIL.parse(e164, "ZZ");
            String region = UTIL.getRegionCodeForNumber(number);
            if (region == null) {
                region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
            }
            return "ZZ".equals(region) ? Optional.empty() : Optional.ofNullable(region);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The number in E.164, or the raw text with a problem recorded for {@code field} if it is not a phone number. */
    public static String normalize(String raw, String country, Problems problems, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return e164(raw, country).orElseGet(() -> {
            problems.add(field, NOT_A_PHONE);
            return raw;
        });
    }
}
