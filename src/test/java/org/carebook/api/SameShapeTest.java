package org.carebook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each request record that becomes a draft without a hand-written mapping has exactly the draft's shape. */
class SameShapeTest {

    private static final Map<String, String> PAIRS = Map.of(
            "org.carebook.catalog.CatalogRequests$Location", "org.carebook.catalog.LocationDraft",
            "org.carebook.catalog.CatalogRequests$RoomChange", "org.carebook.catalog.RoomDraft",
            "org.carebook.catalog.CatalogRequests$Clinician", "org.carebook.catalog.ClinicianDraft",
            "org.carebook.catalog.CatalogRequests$AppointmentType", "org.carebook.catalog.AppointmentTypeDraft",
            "org.carebook.organization.OrganizationRequests$Organization",
                    "org.carebook.organization.OrganizationDraft",
            "org.carebook.webhook.WebhookEndpointRequest", "org.carebook.webhook.WebhookEndpointDraft",
            "org.carebook.patient.PatientRequest", "org.carebook.patient.PatientDraft");

    record Visit(String name, Integer minutes) {}

    record Stay(Integer minutes, String name) {}

    record Trip(String name, Long minutes) {}

    @Test
    void eachRequestRecordBecomesItsDraftFieldByField() throws Exception {
        for (var pair : PAIRS.entrySet()) {
            Class<?> request = Class.forName(pair.getKey());
            @SuppressWarnings("unchecked")
            Class<? extends Record> draft = (Class<? extends Record>) Class.forName(pair.getValue());
            assertThat(SameShape.as(blank(request), draft)).as(pair.getKey()).isNotNull();
        }
    }

    @Test
    void aBookingGivesItsDetailsByName() throws Exception {
        var booking = blank(Class.forName("org.carebook.booking.BookingRequests$BookAppointment"));
        @SuppressWarnings("unchecked")
        var details = (Class<? extends Record>) Class.forName("org.carebook.booking.AppointmentDetails");
        assertThat(SameShape.part(booking, details)).isNotNull();
        assertThatThrownBy(() -> SameShape.as(booking, details)).hasMessageContaining("same components");
    }

    @Test
    void componentsAreMatchedByNameNotPlace() {
        assertThat(SameShape.as(new Visit("Ann", 30), Stay.class)).isEqualTo(new Stay(30, "Ann"));
    }

    @Test
    void aRecordOfAnotherShapeIsRefused() {
        assertThatThrownBy(() -> SameShape.as(new Visit("Ann", 30), Trip.class))
                .hasMessageContaining("do not have the same components");
    }

    /** A record with every component null. */
    private static Record blank(Class<?> type) throws Exception {
        var types = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        var constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return (Record) constructor.newInstance(new Object[types.length]);
    }
}
