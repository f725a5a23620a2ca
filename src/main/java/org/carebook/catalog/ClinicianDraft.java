package org.carebook.catalog;

import java.util.Map;
import java.util.function.Predicate;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Zones;

/** The writable fields of a clinician. */
public record ClinicianDraft(
        String name,
        String title,
        String specialty,
        String email,
        String phone,
        Boolean active,
        String timezone,
        Map<String, String> externalIds) {

    static final ClinicianDraft EMPTY = new ClinicianDraft(null, null, null, null, null, true, null, Map.of());

    public ClinicianDraft {
        externalIds = externalIds == null ? Map.of() : externalIds;
    }

    ClinicianDraft over(ClinicianDraft current, Predicate<String> given) {
        return new ClinicianDraft(
                given.test("name") ? name : current.name,
                given.test("title") ? title : current.title,
                given.test("specialty") ? specialty : current.specialty,
                given.test("email") ? email : current.email,
                given.test("phone") ? phone : current.phone,
                given.test("is_active") ? active : current.active,
                given.test("timezone") ? timezone : current.timezone,
                given.test("external_ids") ? externalIds : current.externalIds);
    }

    /** A name and an activity, and the phone in E.164 (read in {@code country} without a country code). */
    ClinicianDraft checked(String country, Problems problems) {
        problems.requireText("name", name);
        problems.require("is_active", active);
        Zones.check("timezone", timezone, problems);
        return new ClinicianDraft(
                name,
                title,
                specialty,
                email,
                Phones.normalize(phone, country, problems, "phone"),
                active,
                timezone,
                externalIds);
    }

    ClinicianDraft deactivated() {
        return new ClinicianDraft(name, title, specialty, email, phone, false, timezone, externalIds);
    }
}
