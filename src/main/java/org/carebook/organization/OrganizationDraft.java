package org.carebook.organization;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.carebook.kernel.ChangeRules;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Zones;

/** The writable fields of an organization. */
public record OrganizationDraft(
        String name,
        String timezone,
        String country,
        String currency,
        Integer holdTtlMinutes,
        List<Integer> reminderHoursBefore,
        List<String> smsCountries,
        String phone,
        ChangeRules changeRules,
        Integer maxActiveBookingsPerPatient) {

    static final OrganizationDraft EMPTY =
            new OrganizationDraft(null, null, null, null, null, List.of(24), null, null, ChangeRules.NONE, null);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String COUNTRY = "must be an ISO 3166-1 alpha-2 country code such as GB";

    OrganizationDraft over(OrganizationDraft current, Predicate<String> given) {
        return new OrganizationDraft(
                given.test("name") ? name : current.name,
                given.test("timezone") ? timezone : current.timezone,
                given.test("country") ? country : current.country,
                given.test("currency") ? currency : current.currency,
                given.test("hold_ttl_minutes") ? holdTtlMinutes : current.holdTtlMinutes,
                given.test("reminder_hours_before") ? reminderHoursBefore : current.reminderHoursBefore,
                given.test("sms_countries") ? smsCountries : current.smsCountries,
                given.test("phone") ? phone : current.phone,
                changeRules.over(current.changeRules, given),
                given.test("max_active_bookings_per_patient")
                        ? maxActiveBookingsPerPatient
                        : current.maxActiveBookingsPerPatient);
    }

    /** A name, a time zone, a country and a currency that exist; SMS only to countries that exist. */
    void check(Problems problems) {
        problems.requireText("name", name);
        problems.require("timezone", timezone);
        Zones.check("timezone", timezone, problems);
        if (country == null || !COUNTRIES.contains(country)) {
            problems.add("country", COUNTRY);
        }
        if (smsCountries != null) {
            for (int i = 0; i < smsCountries.size(); i++) {
                if (!COUNTRIES.contains(smsCountries.get(i))) {
                    problems.add("sms_countries[" + i + "]", COUNTRY);
                }
            }
        }
        if (!isCurrency(currency)) {
            problems.add("currency", "must be an ISO 4217 currency code such as GBP");
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return code != null && code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
