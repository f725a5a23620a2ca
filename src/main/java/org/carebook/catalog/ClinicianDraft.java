package org.carebook.catalog;

import java.util.Map;

import org.carebook.api.JsonFields;
import org.carebook.kernel.Phones;

/** The writable fields of a clinician. */
public record ClinicianDraft(String name, String title, String specialty, String email, String phone, Boolean active,
                             String timezone, Map<String, String> externalIds) {

    static final ClinicianDraft EMPTY = new ClinicianDraft(null, null, null, null, null, true, null, Map.of());
    static final String[] FIELDS = {"name", "title", "specialty", "email", "phone", "is_active", "timezone",
            "external_ids"};

    static ClinicianDraft read(JsonFields body, ClinicianDraft current, String country) {
        var draft = new ClinicianDraft(
                body.requiredText("name", JsonFields.NAME, current.name()),
                body.text("title", JsonFields.NAME, current.title()),
                body.text("specialty", JsonFields.NAME, current.specialty()),
                body.email("email", current.email()),
                body.phone("phone", country, current.phone()),
                body.requiredBool("is_active", current.active()),
                body.zone("timezone", current.timezone()),
                body.strings("external_ids", current.externalIds()));
        body.throwIfInvalid();
        return draft;
    }
}
