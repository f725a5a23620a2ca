package org.carebook.booking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.ZoneId;
import org.carebook.availability.Slot;
import org.carebook.kernel.Rfc3339;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;

/** One offered time on the wire (docs/api.md §3), with its times in the location's offset. */
@JsonSerialize(using = SlotView.Writer.class)
public record SlotView(
        @Schema(format = "date-time", example = "2027-03-15T09:00:00-04:00")
        String startTime,

        @Schema(format = "date-time", example = "2027-03-15T09:30:00-04:00")
        String endTime,

        String clinicianId,
        String clinicianName,
        String locationId,
        String locationName,
        boolean isRemote,

        @Schema(description = "The IANA time zone of the place the slot is at, for naming its clock (GMT, BST).")
        String timezone,

        String appointmentTypeId,

        @Schema(description = "For a class (a type of capacity above 1) only: its places.")
        Integer capacity,

        @Schema(description = "For a class only: the places not yet taken at this time; a full class is not offered.")
        Integer seatsLeft) {

    /**
     * Turns one answer's slots into views. Slots come ordered by start, and clinicians share start times,
     * so a start is usually the one just written: it is reused rather than written again.
     */
    static final class Renderer {

        private Instant lastStart;
        private ZoneId lastZone;
        private String lastText;

        SlotView view(Slot slot) {
            if (!slot.start().equals(lastStart) || !slot.zone().equals(lastZone)) {
                lastStart = slot.start();
                lastZone = slot.zone();
                lastText = text(slot.start(), slot.zone());
            }
            return new SlotView(
                    lastText,
                    text(slot.end(), slot.zone()),
                    slot.clinicianId(),
                    slot.clinicianName(),
                    slot.locationId(),
                    slot.locationName(),
                    slot.remote(),
                    slot.zone().getId(),
                    slot.appointmentTypeId(),
                    slot.seats() == null ? null : slot.seats().capacity(),
                    slot.seats() == null ? null : slot.seats().left());
        }

        private static String text(Instant instant, ZoneId zone) {
            return Rfc3339.format(instant, zone.getRules().getOffset(instant));
        }
    }

    /**
     * Writes a slot field by field. The general bean serializer costs about twice as much, which shows in an
     * answer of thousands of slots; the names are the snake_case ones the rest of the API gets by convention.
     */
    static final class Writer extends StdSerializer<SlotView> {

        private static final SerializableString START_TIME = new SerializedString("start_time");
        private static final SerializableString END_TIME = new SerializedString("end_time");
        private static final SerializableString CLINICIAN_ID = new SerializedString("clinician_id");
        private static final SerializableString CLINICIAN_NAME = new SerializedString("clinician_name");
        private static final SerializableString LOCATION_ID = new SerializedString("location_id");
        private static final SerializableString LOCATION_NAME = new SerializedString("location_name");
        private static final SerializableString IS_REMOTE = new SerializedString("is_remote");
        private static final SerializableString TIMEZONE = new SerializedString("timezone");
        private static final SerializableString APPOINTMENT_TYPE_ID = new SerializedString("appointment_type_id");
        private static final SerializableString CAPACITY = new SerializedString("capacity");
        private static final SerializableString SEATS_LEFT = new SerializedString("seats_left");

        Writer() {
            super(SlotView.class);
        }

        @Override
        public void serialize(SlotView slot, JsonGenerator json, SerializationContext context) {
            json.writeStartObject(slot);
            string(json, START_TIME, slot.startTime());
            string(json, END_TIME, slot.endTime());
            string(json, CLINICIAN_ID, slot.clinicianId());
            string(json, CLINICIAN_NAME, slot.clinicianName());
            string(json, LOCATION_ID, slot.locationId());
            string(json, LOCATION_NAME, slot.locationName());
            json.writeName(IS_REMOTE);
            json.writeBoolean(slot.isRemote());
            string(json, TIMEZONE, slot.timezone());
            string(json, APPOINTMENT_TYPE_ID, slot.appointmentTypeId());
            if (slot.capacity() != null) { // one-to-one types' slots stay as they always were
                json.writeName(CAPACITY);
                json.writeNumber(slot.capacity());
                json.writeName(SEATS_LEFT);
                json.writeNumber(slot.seatsLeft());
            }
            json.writeEndObject();
        }

        private static void string(JsonGenerator json, SerializableString name, String value) {
            json.writeName(name);
            json.writeString(value);
        }
    }
}
