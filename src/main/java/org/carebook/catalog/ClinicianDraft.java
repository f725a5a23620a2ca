package org.carebook.catalog;

import java.util.Map;
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
        Boolean isActive,
        String timezone,
        Map<String, String> externalIds) {

    static final ClinicianDraft EMPTY = new ClinicianDraft(null, null, null, null, null, true, null, Map.of());

    public ClinicianDraft {
        externalIds = externalIds == null ? Map.of() : externalIds;
    }

    /** A name and an activity, and the phone in E.164 (read in {@code country} without a country code). */
    ClinicianDraft checked(String country, Problems problems) {
        problems.requireText("name", name);
        problems.require("isActive", isActive);
        Zones.check("timezone", timezone, problems);
        return new ClinicianDraft(
                name,
                title,
                specialty,
                email,
                Phones.normalize(phone, country, problems, "phone"),
                isActive,
                timezone,
                externalIds);
    }

    ClinicianDraft deactivated() {
        return new ClinicianDraft(name, title, specialty, email, phone, false, timezone, externalIds);
    }
}
