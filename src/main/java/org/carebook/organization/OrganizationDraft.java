package org.carebook.organization;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.carebook.api.JsonFields;

/** The writable fields of an organization, read from a request over their current values. */
public record OrganizationDraft(String name, String timezone, String country, String currency, Integer holdTtlMinutes,
                         List<Integer> reminderHoursBefore, List<String> smsCountries) {

    static final OrganizationDraft EMPTY = new OrganizationDraft(null, null, null, null, null, List.of(24), null);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    static OrganizationDraft read(JsonFields body, OrganizationDraft current) {
        var draft = new OrganizationDraft(
                body.requiredText("name", JsonFields.NAME, current.name()),
                body.zone("timezone", current.timezone()),
                body.text("country", 2, current.country()),
                body.text("currency", 3, current.currency()),
                body.integer("hold_ttl_minutes", 1, 60, current.holdTtlMinutes()),
                body.integers("reminder_hours_before", 5, 1, 24 * 30, current.reminderHoursBefore()),
                body.texts("sms_countries", 50, 2, current.smsCountries()));
        body.require("timezone", draft.timezone());
        if (draft.country() == null || !COUNTRIES.contains(draft.country())) {
            body.issue("country", "must be an ISO 3166-1 alpha-2 country code such as GB");
        }
        if (draft.smsCountries() != null) {
            for (int i = 0; i < draft.smsCountries().size(); i++) {
                if (!COUNTRIES.contains(draft.smsCountries().get(i))) {
                    body.issue("sms_countries[" + i + "]", "must be an ISO 3166-1 alpha-2 country code such as GB");
                }
            }
        }
        if (!isCurrency(draft.currency())) {
            body.issue("currency", "must be an ISO 4217 currency code such as GBP");
        }
        body.throwIfInvalid();
        return draft;
    }

    private static boolean isCurrency(String code) {
        try {
            return code != null && code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
