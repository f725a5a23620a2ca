package org.carebook.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.carebook.api.WireNames;
import org.carebook.kernel.Address;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Problems;

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
        requireText(firstName, problems, path + "first_name");
        requireText(lastName, problems, path + "last_name");
        problems.require(path + "date_of_birth", dateOfBirth);
        if (dateOfBirth != null && (dateOfBirth.isAfter(today) || dateOfBirth.isBefore(today.minusYears(130)))) {
            problems.add(path + "date_of_birth", "must not be in the future or more than 130 years ago");
        }
        if (address != null) {
            address.check(problems, path + "address.");
        }
        if (insurance != null) {
            insurance.check(problems, path + "insurance.");
        }
        if (preferredLanguage != null
                && !LANGUAGE_TAG.matcher(preferredLanguage).matches()) {
            problems.add(path + "preferred_language", "must be a language tag such as en, de or fr-CH");
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

    /** {@code current} with the fields named in {@code given} (wire names, {@code address.city} for a part) from this one. */
    PatientDraft over(PatientDraft current, Predicate<String> given) {
        return new PatientDraft(
                given.test("first_name") ? firstName : current.firstName,
                given.test("last_name") ? lastName : current.lastName,
                given.test("date_of_birth") ? dateOfBirth : current.dateOfBirth,
                given.test("email") ? email : current.email,
                given.test("phone") ? phone : current.phone,
                given.test("sex") ? sex : current.sex,
                !given.test("address")
                        ? current.address
                        : address == null ? null : address.over(current.address, part -> given.test("address." + part)),
                !given.test("insurance")
                        ? current.insurance
                        : insurance == null
                                ? null
                                : insurance.over(current.insurance, part -> given.test("insurance." + part)),
                given.test("external_ids") ? externalIds : current.externalIds,
                given.test("preferred_language") ? preferredLanguage : current.preferredLanguage);
    }

    /** The wire names of the fields whose values differ from {@code before} ({@link #EMPTY} for a new patient). */
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
