package org.carebook.booking;

import java.time.OffsetDateTime;
import java.util.Map;
import org.carebook.patient.PatientView;

/**
 * An appointment on the wire (docs/api.md §6); times in the offset of its location's zone. {@code lateCancellation}:
 * the clinic cancelled it inside the cancellation notice period; {@code bookingLimitOverridden}: a secret key
 * booked it past the patient's limit of active bookings; {@code seriesId} and {@code seriesIndex}: the series an
 * occurrence belongs to and its place in it (from 0), null for an appointment booked alone; {@code sessionId}:
 * the class session whose seat it is, null but for a class.
 */
public record AppointmentView(
        String id,
        AppointmentStatus status,
        String patientId,
        String appointmentTypeId,
        String clinicianId,
        String locationId,
        String roomId,
        boolean isRemote,
        String timezone,
        String title,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        long durationMinutes,
        String reason,
        String notes,
        String paymentMode,
        PatientView.Insurance insurance,
        String attendeeName,
        String attendeeEmail,
        String attendeePhone,
        String holdId,
        String source,
        /** Who referred the booking (a directory's booking link), or null. */
        Referral referral,
        String seriesId,
        Integer seriesIndex,
        String sessionId,
        Map<String, String> externalIds,
        OffsetDateTime cancelledAt,
        String cancellationReason,
        String cancelledBy,
        OffsetDateTime checkedInAt,
        boolean lateCancellation,
        int rescheduleCount,
        boolean bookingLimitOverridden,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /**
     * What a browser key is shown: no patient id and nothing the patient typed, so a page cannot learn
     * which patient record its details were matched to.
     */
    public record ForBrowser(
            String id,
            AppointmentStatus status,
            String appointmentTypeId,
            String clinicianId,
            String locationId,
            String roomId,
            boolean isRemote,
            OffsetDateTime startTime,
            OffsetDateTime endTime,
            long durationMinutes,
            String holdId,
            String source,
            OffsetDateTime createdAt) {}

    public ForBrowser forBrowser() {
        return new ForBrowser(
                id,
                status,
                appointmentTypeId,
                clinicianId,
                locationId,
                roomId,
                isRemote,
                startTime,
                endTime,
                durationMinutes,
                holdId,
                source,
                createdAt);
    }
}
