package org.carebook.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.carebook.kernel.Change;
import org.carebook.kernel.Problems;
import org.carebook.organization.OrganizationDraft;
import org.carebook.organization.OrganizationView;

/**
 * The organization's rules as text, as shown and as posted: the phone patients call, how long a time is held,
 * when reminders go, where SMS may go, what patients may change themselves, the booking limit, approval and the
 * waitlist's offers. A number left blank is no rule where the API allows none.
 */
public record OrganizationForm(
        String phone,
        String holdMinutes,
        String reminderHours,
        String smsCountries,
        String cancelNotice,
        String rescheduleNotice,
        String maxReschedules,
        String maxActiveBookings,
        boolean approveNewPatients,
        String approvalWindow,
        String waitlistOffer,
        boolean calendarFeedNames) {

    private static final Set<String> GIVES = Set.of(
            "phone",
            "holdTtlMinutes",
            "reminderHoursBefore",
            "smsCountries",
            "cancelNoticeHours",
            "rescheduleNoticeHours",
            "maxReschedules",
            "maxActiveBookingsPerPatient",
            "approveNewPatients",
            "approvalWindowHours",
            "waitlistOfferMinutes",
            "calendarFeedNames");

    private static final int MOST_REMINDERS = 5;

    static OrganizationForm of(OrganizationView organization) {
        var rules = organization.changeRules();
        return new OrganizationForm(
                FormText.shown(organization.phone()),
                String.valueOf(organization.holdTtlMinutes()),
                organization.reminderHoursBefore().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                String.join(", ", organization.smsCountries()),
                shown(rules.cancelNoticeHours()),
                shown(rules.rescheduleNoticeHours()),
                shown(rules.maxReschedules()),
                shown(organization.maxActiveBookingsPerPatient()),
                organization.approveNewPatients(),
                String.valueOf(organization.approvalWindowHours()),
                String.valueOf(organization.waitlistOfferMinutes()),
                organization.calendarFeedNames());
    }

    static OrganizationForm read(Map<String, String> posted) {
        return new OrganizationForm(
                FormText.shown(posted.get("phone")),
                FormText.shown(posted.get("holdMinutes")),
                FormText.shown(posted.get("reminderHours")),
                FormText.shown(posted.get("smsCountries")),
                FormText.shown(posted.get("cancelNotice")),
                FormText.shown(posted.get("rescheduleNotice")),
                FormText.shown(posted.get("maxReschedules")),
                FormText.shown(posted.get("maxActiveBookings")),
                posted.containsKey("approveNewPatients"),
                FormText.shown(posted.get("approvalWindow")),
                FormText.shown(posted.get("waitlistOffer")),
                posted.containsKey("calendarFeedNames"));
    }

    /** The change, with a problem for each number out of the API's range; the facade checks the rest. */
    Change<OrganizationDraft> change(Problems problems) {
        var draft = new OrganizationDraft(
                null,
                null,
                null,
                null,
                whole("holdTtlMinutes", holdMinutes, 1, 60, false, problems),
                reminders(problems),
                countries(),
                FormText.given(phone),
                whole("cancelNoticeHours", cancelNotice, 0, 8760, true, problems),
                whole("rescheduleNoticeHours", rescheduleNotice, 0, 8760, true, problems),
                whole("maxReschedules", maxReschedules, 0, 100, true, problems),
                whole("maxActiveBookingsPerPatient", maxActiveBookings, 1, 1000, true, problems),
                approveNewPatients,
                whole("approvalWindowHours", approvalWindow, 1, 720, false, problems),
                whole("waitlistOfferMinutes", waitlistOffer, 5, 1440, false, problems),
                calendarFeedNames);
        return new Change<>(draft, GIVES);
    }

    private List<Integer> reminders(Problems problems) {
        var hours = new ArrayList<Integer>();
        for (String part : parts(reminderHours)) {
            Optional<Integer> value = FormText.number(part).filter(n -> n >= 1 && n <= 720);
            if (value.isEmpty()) {
                problems.add("reminderHoursBefore", "must be hours from 1 to 720, separated by commas, such as 24, 2");
                return List.of();
            }
            hours.add(value.get());
        }
        if (hours.size() > MOST_REMINDERS) {
            problems.add("reminderHoursBefore", "can be at most " + MOST_REMINDERS + " reminders");
        }
        return hours;
    }

    private List<String> countries() {
        return parts(smsCountries).stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
    }

    private static List<String> parts(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(p -> !p.isBlank()).toList();
    }

    private static Integer whole(
            String field, String text, int least, int most, boolean blankIsNone, Problems problems) {
        if (blankIsNone && text.isBlank()) {
            return null;
        }
        Optional<Integer> value = FormText.number(text).filter(n -> n >= least && n <= most);
        if (value.isEmpty()) {
            problems.add(
                    field,
                    "must be a whole number from " + least + " to " + most
                            + (blankIsNone ? ", or blank for none" : ""));
        }
        return value.orElse(null);
    }

    private static String shown(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }
}
