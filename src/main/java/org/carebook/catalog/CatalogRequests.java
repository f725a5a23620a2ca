package org.carebook.catalog;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.carebook.api.Body;
import org.carebook.api.Lengths;
import org.carebook.kernel.Address;
import org.carebook.kernel.Phones;
import org.carebook.kernel.Problems;

/**
 * The bodies of the catalogue routes (docs/api.md §2), as the OpenAPI document shows them and {@code BodyReader}
 * reads them, each with the draft or command it gives the facade.
 */
final class CatalogRequests {

    private static final String EXTERNAL_IDS = "Ids in other systems, such as an EHR's; at most 50.";
    private static final String ZONE = "An IANA time zone.";
    private static final String CLOCK = "^\\d{2}:\\d{2}$";

    private CatalogRequests() {}

    @Schema(name = "LocationRequest", description = "An office or clinic.")
    record Location(
            @Schema(requiredMode = REQUIRED, maxLength = Lengths.NAME, example = "Riverside Clinic")
            String name,

            @Schema(requiredMode = REQUIRED, description = ZONE, example = "Europe/London")
            String timezone,

            Address address,
            @Schema(maxLength = Phones.MAX_LENGTH) String phone,
            @Schema(description = EXTERNAL_IDS) Map<String, String> externalIds) {}

    @Schema(name = "NewRoomRequest", description = "A room at a location.")
    record NewRoom(
            @Schema(requiredMode = REQUIRED, maxLength = Lengths.NAME, example = "Room 2")
            String name) {}

    @Schema(name = "RoomChangeRequest", description = "The fields of a room to change.")
    record RoomChange(@Schema(maxLength = Lengths.NAME) String name, Boolean isActive) {}

    @Schema(name = "ClinicianRequest", description = "A clinician who sees patients.")
    record Clinician(
            @Schema(requiredMode = REQUIRED, maxLength = Lengths.NAME, example = "Dr Ada Okafor")
            String name,

            @Schema(maxLength = Lengths.NAME, example = "Dr")
            String title,

            @Schema(maxLength = Lengths.NAME, example = "Physiotherapy")
            String specialty,

            @Schema(format = "email", maxLength = Lengths.TEXT)
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
            @Schema(requiredMode = REQUIRED, maxLength = Lengths.NAME, example = "Initial assessment")
            String name,

            @Schema(maxLength = Lengths.LONG_TEXT) String description,

            @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "1440", example = "45")
            Integer durationMinutes,

            @Schema(minimum = "0", example = "65.00") BigDecimal price,

            @Schema(maxLength = 3, description = "ISO 4217; the organization's by default.", example = "GBP")
            String currency,

            @Schema(defaultValue = "true") Boolean isActive,
            @Schema(defaultValue = "true") Boolean allowOnlineBooking,

            @ArraySchema(
                    maxItems = 2,
                    items = @Schema(maxLength = 20),
                    arraySchema = @Schema(description = "One or both of in_person and remote; in_person by default."))
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

            @Schema(
                    minimum = "1",
                    maximum = "200",
                    defaultValue = "1",
                    description = "Patients per booking: above 1, each booking takes a seat of a group session.")
            Integer capacity,

            @Schema(
                    defaultValue = "false",
                    description = "Online bookings (publishable keys) stay pending until staff approve them.")
            Boolean requiresApproval,

            @Schema(
                    allowableValues = {
                        "blue", "green", "orange", "purple", "red", "teal", "pink", "brown", "olive", "navy", "grey",
                        "gold"
                    },
                    description = "Its colour on the console's calendar; left out, the console picks one.")
            String color,

            @ArraySchema(
                    maxItems = 500,
                    items = @Schema(maxLength = Lengths.ID),
                    arraySchema = @Schema(description = "The clinicians who offer it; all by default."))
            List<String> clinicianIds,

            @Schema(minimum = "0", maximum = "8760") Integer cancelNoticeHours,
            @Schema(minimum = "0", maximum = "8760") Integer rescheduleNoticeHours,
            @Schema(minimum = "0", maximum = "100") Integer maxReschedules,

            @Schema(
                    description =
                            "The standard service it is, which FHIR shows beside Carebook's code; null clears it.")
            ServiceType serviceType) {}

    @Schema(
            name = "ScheduleRequest",
            description = "When a clinician works at a location, or remotely. location_id is required unless"
                    + " is_remote is true.")
    record Schedule(
            @Schema(requiredMode = REQUIRED, maxLength = Lengths.ID, example = "clin_7hd2k9s0qa")
            String clinicianId,

            @Schema(maxLength = Lengths.ID, example = "loc_2m8x4kq9c7")
            String locationId,

            @Schema(defaultValue = "false") Boolean isRemote,

            @Schema(description = "An IANA time zone; a remote schedule's own, otherwise the location's.")
            String timezone,

            @ArraySchema(maxItems = 100) List<WeeklyHours> weeklyHours,
            LocalDate validFrom,
            LocalDate validUntil,

            @ArraySchema(
                    maxItems = 500,
                    items = @Schema(maxLength = Lengths.ID),
                    arraySchema = @Schema(description = "The types offered; all by default."))
            List<String> appointmentTypeIds,

            @ArraySchema(
                    maxItems = 200,
                    items = @Schema(maxLength = Lengths.TEXT),
                    arraySchema = @Schema(description = "The insurance payers accepted; any by default."))
            List<String> acceptedInsurancePayers,

            @Schema(defaultValue = "true") Boolean isActive) {

        ScheduleDraft draft(Body<Schedule> body) {
            return new ScheduleDraft(
                    clinicianId,
                    locationId,
                    isRemote,
                    timezone,
                    weeklyHours == null ? null : hours(weeklyHours, body, "weekly_hours"),
                    validFrom,
                    validUntil,
                    appointmentTypeIds,
                    acceptedInsurancePayers,
                    isActive);
        }
    }

    @Schema(name = "WeeklyHours", description = "A weekday's working hours, in the schedule's time zone.")
    record WeeklyHours(
            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
            String day,

            @Schema(requiredMode = REQUIRED, type = "string", pattern = CLOCK, example = "09:00")
            LocalTime start,

            @Schema(requiredMode = REQUIRED, type = "string", pattern = CLOCK, example = "17:00")
            LocalTime end)
            implements Block {}

    @Schema(name = "DateHoursRequest", description = "A date's hours in place of the weekly ones; none for a day off.")
    record DateHours(
            @Schema(requiredMode = REQUIRED) @ArraySchema(maxItems = 20)
            List<Period> hours) {}

    @Schema(name = "Period", description = "Working hours on one date.")
    record Period(
            @Schema(requiredMode = REQUIRED, type = "string", pattern = CLOCK, example = "09:00")
            LocalTime start,

            @Schema(requiredMode = REQUIRED, type = "string", pattern = CLOCK, example = "13:00")
            LocalTime end)
            implements Block {

        @Override
        public String day() {
            return null;
        }
    }

    @Schema(name = "TimeOffRequest", description = "A time the clinician is away.")
    record TimeOff(
            @Schema(requiredMode = REQUIRED, example = "2026-04-06T00:00:00+01:00")
            OffsetDateTime startTime,

            @Schema(requiredMode = REQUIRED, example = "2026-04-11T00:00:00+01:00")
            OffsetDateTime endTime,

            @Schema(maxLength = Lengths.TEXT, example = "Leave")
            String reason) {

        Instant start() {
            return startTime == null ? null : startTime.toInstant();
        }

        Instant end() {
            return endTime == null ? null : endTime.toInstant();
        }
    }

    /** Working hours as a body gives them: a weekday for weekly hours, none for a date's. */
    interface Block {
        String day();

        LocalTime start();

        LocalTime end();
    }

    /** The blocks as the domain keeps them, with the problems of each named by its place in {@code field}. */
    static List<Hours> hours(List<? extends Block> blocks, Body<?> body, String field) {
        var hours = new java.util.ArrayList<Hours>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) != null) {
                hours.add(hours(blocks.get(i), body, field + "[" + i + "]."));
            }
        }
        return hours;
    }

    private static Hours hours(Block block, Body<?> body, String path) {
        boolean weekly = block instanceof WeeklyHours;
        if (weekly && block.day() == null) {
            body.issue(path + "day", Problems.REQUIRED);
        }
        if (block.start() == null) {
            body.issue(path + "start", Problems.REQUIRED);
        }
        if (block.end() == null) {
            body.issue(path + "end", Problems.REQUIRED);
        }
        if (block.start() != null && block.end() != null && !block.end().isAfter(block.start())) {
            body.issue(path + "end", "must be after start");
        }
        return new Hours(block.day(), text(block.start()), text(block.end()));
    }

    private static String text(LocalTime time) {
        return time == null ? null : time.toString();
    }
}
