package org.carebook.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.carebook.kernel.Address;
import org.carebook.kernel.Problems;

/**
 * A patient. {@code possible_duplicate_of}: the record a browser booking's name and date of birth matched
 * when its e-mail and phone did not, so a new record was made for staff to compare. {@code preferred_language}:
 * a BCP 47 tag; the patient's messages are in the nearest language Carebook has, else English.
 */
public record PatientView(
        String id,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String email,
        String phone,
        String sex,
        Address address,
        Insurance insurance,
        Map<String, String> externalIds,
        String preferredLanguage,
        String possibleDuplicateOf,
        Instant createdAt,
        Instant updatedAt) {

    public record Insurance(String payer, String memberId, String groupNumber) {

        /** An insurance names its payer. */
        public void check(Problems problems, String path) {
            if (payer == null || payer.isBlank()) {
                problems.add(path + "payer", Problems.REQUIRED);
            }
        }
    }
}
