package org.carebook.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.carebook.kernel.Scope;
import org.junit.jupiter.api.Test;

class SmartScopesTest {

    @Test
    void readingSlotsIsReadingAvailability() {
        assertThat(SmartScopes.of("system/Slot.rs")).contains(java.util.Set.of(Scope.READ_AVAILABILITY));
        assertThat(SmartScopes.of("system/Slot.read")).contains(java.util.Set.of(Scope.READ_AVAILABILITY));
    }

    @Test
    void changingAppointmentsIsHoldingAndBookingThem() {
        assertThat(SmartScopes.of("system/Appointment.cu").orElseThrow())
                .containsExactlyInAnyOrder(Scope.WRITE_APPOINTMENTS, Scope.WRITE_HOLDS);
        assertThat(SmartScopes.of("system/Appointment.cruds").orElseThrow())
                .containsExactlyInAnyOrder(
                        Scope.READ_APPOINTMENTS, Scope.READ_AVAILABILITY, Scope.WRITE_APPOINTMENTS, Scope.WRITE_HOLDS);
        assertThat(SmartScopes.of("system/Appointment.write").orElseThrow()).doesNotContain(Scope.READ_APPOINTMENTS);
    }

    @Test
    void everyResourceIsTheUnionAndNothingGrantsManagingKeysOrStaff() {
        var everything = SmartScopes.of("system/*.*").orElseThrow();
        assertThat(everything).contains(Scope.READ_PATIENTS, Scope.WRITE_PATIENTS, Scope.READ_AUDIT);
        assertThat(everything)
                .doesNotContain(
                        Scope.MANAGE_API_KEYS, Scope.MANAGE_STAFF, Scope.MANAGE_ORGANIZATION, Scope.WRITE_CATALOG);
    }

    @Test
    void patientAndUserScopesUnknownResourcesAndNonsenseStandForNothing() {
        assertThat(SmartScopes.of("patient/Appointment.read")).isEmpty();
        assertThat(SmartScopes.of("user/Slot.rs")).isEmpty();
        assertThat(SmartScopes.of("system/Observation.rs")).isEmpty();
        assertThat(SmartScopes.of("system/Slot.")).isEmpty();
        assertThat(SmartScopes.of("system/Slot.sr")).isEmpty();
        assertThat(SmartScopes.all(List.of("system/Slot.rs", "launch", "system/Location.rs")))
                .containsExactlyInAnyOrder(Scope.READ_AVAILABILITY, Scope.READ_CATALOG);
    }
}
