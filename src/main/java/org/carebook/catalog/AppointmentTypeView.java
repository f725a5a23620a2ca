package org.carebook.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.carebook.kernel.ChangeRules;

public record AppointmentTypeView(
        String id,
        String name,
        String description,
        int durationMinutes,
        BigDecimal price,
        String currency,
        boolean isActive,
        boolean allowOnlineBooking,
        List<String> modes,
        int bufferBeforeMinutes,
        int bufferAfterMinutes,
        int minNoticeMinutes,
        int maxAdvanceDays,
        int slotIntervalMinutes,
        boolean requiresRoom,
        int capacity,
        boolean requiresApproval,
        String color,
        List<String> clinicianIds,
        /** This type's own rules for self-service changes; null ones are the organization's. */
        @com.fasterxml.jackson.annotation.JsonUnwrapped ChangeRules changeRules,
        /** The standard service this type is, if the clinic mapped it. */
        ServiceType serviceType,
        Instant createdAt,
        Instant updatedAt) {

    /** The same object as listed under /v1/appointment-templates, which also carries {@code duration}. */
    public record Template(
            @com.fasterxml.jackson.annotation.JsonUnwrapped AppointmentTypeView type, int duration) {}
}
