package org.carebook.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.carebook.kernel.Address;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Problems;
import org.carebook.kernel.WireNames;

/** The writable fields of a patient: what a request to create one gives, and what a change starts from. */
public record PatientDraft(
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String email,
        String phone,
        String sex,
        Address address,
        PatientView.Insurance insurance,
        Map<String, String> externalIds,
        String preferredLanguage) {

    public static final PatientDraft EMPTY =
            new PatientDraft(null, null, null, null, null, null, null, null, Map.of(), null);
    public static final Set<String> SEXES = Set.of("female", "male", "other", "unknown");
    /** The names events give for changed fields: as the body names them. */
    private static final String[] FIELDS = java.util.Arrays.stream(PatientDraft.class.getRecordComponents())
            .map(component -> WireNames.of(component.getName()))
            .toArray(String[]::new);

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}");

    public PatientDraft {
        externalIds = externalIds == null ? Map.of() : externalIds;
    }

    /** A patient known by name and date of birth, as a booking may give one. */
    public static PatientDraft of(
            String firstName, String lastName, LocalDate dateOfBirth, String email, String phone) {
        return new PatientDraft(firstName, lastName, dateOfBirth, email, phone, null, null, null, Map.of(), null);
    }

    /**
     * The rules a patient's fields keep whoever writes them, with {@code problems} named under {@code path}:
     * a name and date of birth, a birth date from the last 130 years up to {@code today} (the organization's
     * date), and a phone number that exists, stored in E.164 (read in {@code country} without a country code).
     */
    PatientDraft checked(String country, LocalDate today, Problems problems, String path) {
        requireText(firstName, problems, path + "firstName");
        requireText(lastName, problems, path + "lastName");
        problems.require(path + "dateOfBirth", dateOfBirth);
        if (dateOfBirth != null && (dateOfBirth.isAfter(today) || dateOfBirth.isBefore(today.minusYears(130)))) {
            problems.add(path + "dateOfBirth", "must not be in the future or more than 130 years ago");
        }
        if (address != null) {
            address.check(problems, path + "address.");
        }
        if (insurance != null) {
            insurance.check(problems, path + "insurance.");
        }
        if (preferredLanguage != null
                && !LANGUAGE_TAG.matcher(preferredLanguage).matches()) {
            problems.add(path + "preferredLanguage", "must be a language tag such as en, de or fr-CH");
        }
        return new PatientDraft(
                firstName,
                lastName,
                dateOfBirth,
                email,
                Phones.normalize(phone, country, problems, path + "phone"),
                sex,
                address,
                insurance,
                externalIds,
                preferredLanguage);
    }

    /** The wire names of the fields whose values differ from {@code before} ({@link #EMPTY} for a new patient). */
    /** Every field's name as the body names it: what an erasure changes. */
    static List<String> fieldNames() {
        return List.of(FIELDS);
    }

    List<String> changedFrom(PatientDraft before) {
        Object[] now = values();
        Object[] then = before.values();
        var changed = new ArrayList<String>();
        for (int i = 0; i < FIELDS.length; i++) {
            if (!Objects.equals(now[i], then[i])) {
                changed.add(FIELDS[i]);
            }
        }
        return changed;
    }

    /** In the order of {@link #FIELDS}. */
    private Object[] values() {
        return new Object[] {
            firstName, lastName, dateOfBirth, email, phone, sex, address, insurance, externalIds, preferredLanguage
        };
    }

    private static void requireText(String text, Problems problems, String field) {
        if (text == null || text.isBlank()) {
            problems.add(field, Problems.REQUIRED);
        }
    }
}
