package org.carebook.catalog;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.carebook.api.JsonFields;
import org.carebook.kernel.Address;
import org.carebook.kernel.Phones;

/** The bodies of the catalogue routes (docs/api.md §2), as the OpenAPI document shows them and the forms read them. */
final class CatalogRequests {

    private static final String EXTERNAL_IDS = "Ids in other systems, such as an EHR's; at most 50.";
    private static final String ZONE = "An IANA time zone.";

    private CatalogRequests() {}

    @Schema(name = "LocationRequest", description = "An office or clinic.")
    record Location(
            @Schema(requiredMode = REQUIRED, maxLength = JsonFields.NAME, example = "Riverside Clinic")
            String name,

            @Schema(requiredMode = REQUIRED, description = ZONE, example = "Europe/London")
            String timezone,

            Address address,
            @Schema(maxLength = Phones.MAX_LENGTH) String phone,
            @Schema(description = EXTERNAL_IDS) Map<String, String> externalIds) {}

    @Schema(name = "NewRoomRequest", description = "A room at a location.")
    record NewRoom(
            @Schema(requiredMode = REQUIRED, maxLength = JsonFields.NAME, example = "Room 2")
            String name) {}

    @Schema(name = "RoomChangeRequest", description = "The fields of a room to change.")
    record RoomChange(@Schema(maxLength = JsonFields.NAME) String name, Boolean isActive) {}

    @Schema(name = "ClinicianRequest", description = "A clinician who sees patients.")
    record Clinician(
            @Schema(requiredMode = REQUIRED, maxLength = JsonFields.NAME, example = "Dr Ada Okafor")
            String name,

            @Schema(maxLength = JsonFields.NAME, example = "Dr")
            String title,

            @Schema(maxLength = JsonFields.NAME, example = "Physiotherapy")
            String specialty,

            @Schema(format = "email", maxLength = JsonFields.TEXT)
            String email,

            @Schema(maxLength = Phones.MAX_LENGTH) String phone,
            @Schema(defaultValue = "true") Boolean isActive,
            @Schema(description = ZONE) String timezone,
            @Schema(description = EXTERNAL_IDS) Map<String, String> externalIds) {}

    @Schema(
            name = "AppointmentTypeRequest",
            description = "A kind of appointment: its length, price, booking rules and who offers it. The three"
                    + " change rules override the organization's when set.")
    record AppointmentType(
            @Schema(requiredMode = REQUIRED, maxLength = JsonFields.NAME, example = "Initial assessment")
            String name,

            @Schema(maxLength = JsonFields.LONG_TEXT) String description,

            @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "1440", example = "45")
            Integer durationMinutes,

            @Schema(minimum = "0", example = "65.00") BigDecimal price,

            @Schema(description = "ISO 4217; the organization's by default.", example = "GBP")
            String currency,

            @Schema(defaultValue = "true") Boolean isActive,
            @Schema(defaultValue = "true") Boolean allowOnlineBooking,

            @Schema(description = "One or both of in_person and remote; in_person by default.")
            List<String> modes,

            @Schema(minimum = "0", maximum = "1440", defaultValue = "0")
            Integer bufferBeforeMinutes,

            @Schema(minimum = "0", maximum = "1440", defaultValue = "0")
            Integer bufferAfterMinutes,

            @Schema(minimum = "0", maximum = "525600", defaultValue = "0")
            Integer minNoticeMinutes,

            @Schema(minimum = "1", maximum = "730", defaultValue = "90")
            Integer maxAdvanceDays,

            @Schema(minimum = "1", maximum = "1440", description = "The duration by default.")
            Integer slotIntervalMinutes,

            @Schema(defaultValue = "false") Boolean requiresRoom,

            @Schema(description = "The clinicians who offer it; all by default.")
            List<String> clinicianIds,

            @Schema(minimum = "0", maximum = "8760") Integer cancelNoticeHours,
            @Schema(minimum = "0", maximum = "8760") Integer rescheduleNoticeHours,
            @Schema(minimum = "0", maximum = "100") Integer maxReschedules) {}

    @Schema(
            name = "ScheduleRequest",
            description = "When a clinician works at a location, or remotely. location_id is required unless"
                    + " is_remote is true.")
    record Schedule(
            @Schema(requiredMode = REQUIRED, example = "clin_7hd2k9s0qa")
            String clinicianId,

            @Schema(example = "loc_2m8x4kq9c7") String locationId,
            @Schema(defaultValue = "false") Boolean isRemote,

            @Schema(description = "An IANA time zone; a remote schedule's own, otherwise the location's.")
            String timezone,

            List<WeeklyHours> weeklyHours,
            LocalDate validFrom,
            LocalDate validUntil,

            @Schema(description = "The types offered; all by default.")
            List<String> appointmentTypeIds,

            @Schema(description = "The insurance payers accepted; any by default.")
            List<String> acceptedInsurancePayers,

            @Schema(defaultValue = "true") Boolean isActive) {}

    @Schema(name = "WeeklyHours", description = "A weekday's working hours, in the schedule's time zone.")
    record WeeklyHours(
            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
            String day,

            @Schema(requiredMode = REQUIRED, pattern = "^\\d{2}:\\d{2}$", example = "09:00")
            String start,

            @Schema(requiredMode = REQUIRED, pattern = "^\\d{2}:\\d{2}$", example = "17:00")
            String end) {}

    @Schema(name = "DateHoursRequest", description = "A date's hours in place of the weekly ones; none for a day off.")
    record DateHours(@Schema(requiredMode = REQUIRED) List<Period> hours) {}

    @Schema(name = "Period", description = "Working hours on one date.")
    record Period(
            @Schema(requiredMode = REQUIRED, pattern = "^\\d{2}:\\d{2}$", example = "09:00")
            String start,

            @Schema(requiredMode = REQUIRED, pattern = "^\\d{2}:\\d{2}$", example = "13:00")
            String end) {}

    @Schema(name = "TimeOffRequest", description = "A time the clinician is away.")
    record TimeOff(
            @Schema(requiredMode = REQUIRED, example = "2026-04-06T00:00:00+01:00")
            OffsetDateTime startTime,

            @Schema(requiredMode = REQUIRED, example = "2026-04-11T00:00:00+01:00")
            OffsetDateTime endTime,

            @Schema(maxLength = JsonFields.TEXT, example = "Leave")
            String reason) {}
}
