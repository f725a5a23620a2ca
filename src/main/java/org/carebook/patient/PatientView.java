package org.carebook.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.carebook.kernel.Address;

/**
 * A patient. {@code possible_duplicate_of}: the record a browser booking's name and date of birth matched
 * when its e-mail and phone did not, so a new record was made for staff to compare.
 */
public record PatientView(String id, String firstName, String lastName, LocalDate dateOfBirth, String email,
                          String phone, String sex, Address address, Insurance insurance,
                          Map<String, String> externalIds, String possibleDuplicateOf, Instant createdAt,
                          Instant updatedAt) {

    public record Insurance(String payer, String memberId, String groupNumber) {
    }
}
