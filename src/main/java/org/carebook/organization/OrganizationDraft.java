package org.carebook.organization;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
        Integer cancelNoticeHours,
        Integer rescheduleNoticeHours,
        Integer maxReschedules,
        Integer maxActiveBookingsPerPatient,
        Boolean approveNewPatients,
        Integer approvalWindowHours,
        Integer waitlistOfferMinutes,
        Boolean calendarFeedNames) {

    static final OrganizationDraft EMPTY = new OrganizationDraft(
            null, null, null, null, null, List.of(24), null, null, null, null, null, null, false, 48, 30, false);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String COUNTRY = "must be an ISO 3166-1 alpha-2 country code such as GB";

    public ChangeRules changeRules() {
        return new ChangeRules(cancelNoticeHours, rescheduleNoticeHours, maxReschedules);
    }

    /** A name, a time zone, a country and a currency that exist; SMS only to countries that exist. */
    void check(Problems problems) {
        problems.requireText("name", name);
        problems.require("timezone", timezone);
        problems.require("approveNewPatients", approveNewPatients);
        problems.require("approvalWindowHours", approvalWindowHours);
        problems.require("waitlistOfferMinutes", waitlistOfferMinutes);
        problems.require("calendarFeedNames", calendarFeedNames);
        Zones.check("timezone", timezone, problems);
        if (country == null || !COUNTRIES.contains(country)) {
            problems.add("country", COUNTRY);
        }
        if (smsCountries != null) {
            for (int i = 0; i < smsCountries.size(); i++) {
                if (!COUNTRIES.contains(smsCountries.get(i))) {
                    problems.add("smsCountries[" + i + "]", COUNTRY);
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
