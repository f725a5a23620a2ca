package org.carebook.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.carebook.kernel.Address;

public record PatientView(String id, String firstName, String lastName, LocalDate dateOfBirth, String email,
                          String phone, String sex, Address address, Insurance insurance,
                          Map<String, String> externalIds, Instant createdAt, Instant updatedAt) {

    public record Insurance(String payer, String memberId, String groupNumber) {
    }
}
