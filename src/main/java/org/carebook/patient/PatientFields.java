package org.carebook.patient;

import org.carebook.api.JsonFields;
import org.carebook.kernel.Change;

/**
 * Reads patients from request bodies (docs/api.md §5): the whole record, a change to one, or the patient a
 * booking names inline. Only shapes are checked here; the rules every patient keeps are the facade's.
 */
public final class PatientFields {

    /** What a booking made with a browser's key may say about its patient: only who they are. */
    private static final String[] BROWSER_FIELDS = {
        "first_name", "last_name", "date_of_birth", "email", "phone", "preferred_language"
    };

    private static final String[] INSURANCE_FIELDS = JsonFields.fieldsOf(PatientView.Insurance.class);

    private PatientFields() {}

    public static JsonFields body(tools.jackson.databind.JsonNode body) {
        return JsonFields.of(body, PatientDraft.FIELDS);
    }

    public static PatientDraft draft(JsonFields body) {
        return new PatientDraft(
                body.text("first_name", JsonFields.NAME, null),
                body.text("last_name", JsonFields.NAME, null),
                body.date("date_of_birth", null),
                body.email("email", null),
                body.phoneText("phone", null),
                body.choice("sex", PatientDraft.SEXES, null),
                body.address("address", null),
                insurance(body, "insurance"),
                body.strings("external_ids", null),
                body.text("preferred_language", 35, null));
    }

    public static Change<PatientDraft> change(JsonFields body) {
        return new Change<>(draft(body), body.given());
    }

    /** The patient a booking gives under {@code field}, or null if it gives none. */
    public static PatientDraft inline(JsonFields body, String field, boolean browser) {
        return body.object(field, null, PatientFields::draft, browser ? BROWSER_FIELDS : PatientDraft.FIELDS);
    }

    /** An insurance object; the domain checks that it names a payer. */
    public static PatientView.Insurance insurance(JsonFields body, String field) {
        return body.object(
                field,
                null,
                i -> new PatientView.Insurance(
                        i.text("payer", JsonFields.TEXT, null),
                        i.text("member_id", JsonFields.TEXT, null),
                        i.text("group_number", JsonFields.TEXT, null)),
                INSURANCE_FIELDS);
    }
}
