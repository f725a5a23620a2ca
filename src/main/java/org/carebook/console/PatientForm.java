package org.carebook.console;

import java.util.Map;
import java.util.Set;
import org.carebook.kernel.Change;
import org.carebook.kernel.Problems;
import org.carebook.patient.PatientDraft;
import org.carebook.patient.PatientView;

/**
 * A patient's details as the edit page shows and posts them. It changes what the front desk is told at the desk or
 * on the phone; the sex, address and external ids stay as the API last set them.
 */
public record PatientForm(
        String firstName,
        String lastName,
        String dateOfBirth,
        String phone,
        String email,
        String language,
        String insurancePayer,
        String insuranceMemberId,
        String insuranceGroupNumber) {

    private static final Set<String> GIVES =
            Set.of("firstName", "lastName", "dateOfBirth", "phone", "email", "preferredLanguage", "insurance");

    static PatientForm of(PatientView p) {
        var insurance = p.insurance();
        return new PatientForm(
                p.firstName(),
                p.lastName(),
                p.dateOfBirth() == null ? "" : p.dateOfBirth().toString(),
                FormText.shown(p.phone()),
                FormText.shown(p.email()),
                FormText.shown(p.preferredLanguage()),
                insurance == null ? "" : FormText.shown(insurance.payer()),
                insurance == null ? "" : FormText.shown(insurance.memberId()),
                insurance == null ? "" : FormText.shown(insurance.groupNumber()));
    }

    static PatientForm read(Map<String, String> posted) {
        return new PatientForm(
                FormText.shown(posted.get("firstName")),
                FormText.shown(posted.get("lastName")),
                FormText.shown(posted.get("dateOfBirth")),
                FormText.shown(posted.get("phone")),
                FormText.shown(posted.get("email")),
                FormText.shown(posted.get("preferredLanguage")),
                FormText.shown(posted.get("insurancePayer")),
                FormText.shown(posted.get("insuranceMemberId")),
                FormText.shown(posted.get("insuranceGroupNumber")));
    }

    /** The change to make; a date that is not one is said here, the patient's own rules by the facade. */
    Change<PatientDraft> change(Problems problems) {
        var birth = FormText.date(dateOfBirth);
        if (birth.isEmpty()) {
            problems.add("dateOfBirth", "must be a date");
        }
        String payer = FormText.given(insurancePayer);
        var insurance = payer == null
                ? null
                : new PatientView.Insurance(
                        payer, FormText.given(insuranceMemberId), FormText.given(insuranceGroupNumber));
        var draft = new PatientDraft(
                FormText.given(firstName),
                FormText.given(lastName),
                birth.orElse(null),
                FormText.given(email),
                FormText.given(phone),
                null,
                null,
                insurance,
                null,
                FormText.given(language));
        return new Change<>(draft, GIVES);
    }
}
