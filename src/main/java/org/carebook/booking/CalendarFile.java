package org.carebook.booking;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.ClinicianView;
import org.carebook.catalog.LocationView;

/** An appointment as an RFC 5545 file; ical4j does the escaping and line folding. */
final class CalendarFile {

    static final String PRODUCT = "-//Carebook//Carebook appointments//EN";

    private CalendarFile() {}

    static String of(
            Appointment appointment,
            AppointmentTypeView type,
            ClinicianView clinician,
            LocationView location,
            String organizationName,
            int sequence) {
        var placement = appointment.placement();
        VEvent event = new VEvent(placement.start(), placement.end(), type.name() + " with " + clinician.name());
        event.replace(new DtStamp(appointment.updatedAt()));
        event.add(new Uid(appointment.id() + "@carebook"));
        // The changes so far (the appointment's events after its creation), as in the e-mailed invitations:
        // calendar apps replace a copy with a lower sequence.
        event.add(new Sequence(sequence));
        event.add(
                appointment.status() == AppointmentStatus.CANCELLED
                        ? ImmutableStatus.VEVENT_CANCELLED
                        : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Location(placement.remote() ? "Video appointment" : where(location)));
        event.add(new Description(organizationName + ": " + type.name() + " with " + clinician.name() + "."));
        var calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        return calendar.toString();
    }

    private static String where(LocationView location) {
        return location == null ? "" : location.oneLine();
    }
}
