package org.carebook.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.carebook.kernel.Address;
import org.carebook.kernel.JsonFields;
import org.carebook.kernel.Phones;

/** The writable fields of a patient. */
public record PatientDraft(String firstName, String lastName, LocalDate dateOfBirth, String email, String phone,
                           String sex, Address address, PatientView.Insurance insurance,
                           Map<String, String> externalIds) {

    static final PatientDraft EMPTY = new PatientDraft(null, null, null, null, null, null, null, null, Map.of());
    static final String[] FIELDS = {"first_name", "last_name", "date_of_birth", "email", "phone", "sex", "address",
            "insurance", "external_ids"};
    private static final Set<String> SEXES = Set.of("female", "male", "other", "unknown");

    /** Reads over {@code current}; {@code today} is the organization's date, for the birth-date bounds. */
    static PatientDraft read(JsonFields body, PatientDraft current, String country, LocalDate today) {
        var draft = new PatientDraft(
                body.requiredText("first_name", JsonFields.NAME, current.firstName()),
                body.requiredText("last_name", JsonFields.NAME, current.lastName()),
                body.date("date_of_birth", current.dateOfBirth()),
                body.email("email", current.email()),
                Phones.read(body, "phone", country, current.phone()),
                body.choice("sex", SEXES, current.sex()),
                body.object("address", current.address(), a -> Address.read(a, current.address()), Address.FIELDS),
                body.object("insurance", current.insurance(), i -> readInsurance(i, current.insurance()),
                        "payer", "member_id", "group_number"),
                body.strings("external_ids", current.externalIds()));
        body.require("date_of_birth", draft.dateOfBirth());
        if (draft.dateOfBirth() != null && (draft.dateOfBirth().isAfter(today)
                || draft.dateOfBirth().isBefore(today.minusYears(130)))) {
            body.issue("date_of_birth", "must not be in the future or more than 130 years ago");
        }
        body.throwIfInvalid();
        return draft;
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
        return new Object[]{firstName, lastName, dateOfBirth, email, phone, sex, address, insurance, externalIds};
    }

    private static PatientView.Insurance readInsurance(JsonFields body, PatientView.Insurance current) {
        var base = current == null ? new PatientView.Insurance(null, null, null) : current;
        return new PatientView.Insurance(
                body.requiredText("payer", JsonFields.TEXT, base.payer()),
                body.text("member_id", JsonFields.TEXT, base.memberId()),
                body.text("group_number", JsonFields.TEXT, base.groupNumber()));
    }
}
