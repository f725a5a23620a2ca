package org.carebook.notification;

import java.time.Instant;
import java.time.ZoneId;
import org.carebook.booking.AppointmentSeries;
import org.carebook.booking.AppointmentView;
import org.carebook.booking.SeriesView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.Locations;
import org.carebook.kernel.Tenant;
import org.carebook.organization.OrganizationSettings;
import org.carebook.organization.Organizations;
import org.carebook.patient.Patients;
import org.carebook.selfservice.ManageLinks;
import org.springframework.stereotype.Component;

/**
 * Looks up what a message says of an appointment: the clinic's, service's, clinician's and place's names, the
 * location's clock, the patient's language and their manage link.
 */
@Component
class AppointmentFacts {

    private final Organizations organizations;
    private final AppointmentTypes types;
    private final Clinicians clinicians;
    private final Locations locations;
    private final ManageLinks manageLinks;
    private final AppointmentSeries series;

    AppointmentFacts(
            Organizations organizations,
            AppointmentTypes types,
            Clinicians clinicians,
            Locations locations,
            ManageLinks manageLinks,
            AppointmentSeries series) {
        this.series = series;
        this.organizations = organizations;
        this.types = types;
        this.clinicians = clinicians;
        this.locations = locations;
        this.manageLinks = manageLinks;
    }

    /** The ids and times of an appointment that a message looks up and shows. */
    record Booked(
            String id,
            String appointmentTypeId,
            String clinicianId,
            String locationId,
            boolean remote,
            Instant start,
            Instant end,
            String seriesId,
            Integer seriesIndex) {

        static Booked of(AppointmentView a) {
            return new Booked(
                    a.id(),
                    a.appointmentTypeId(),
                    a.clinicianId(),
                    a.locationId(),
                    a.isRemote(),
                    a.startTime().toInstant(),
                    a.endTime().toInstant(),
                    a.seriesId(),
                    a.seriesIndex());
        }

        /** A series' first booked occurrence, as the series' own message tells of it (not as one of its dates). */
        static Booked firstOf(SeriesView s) {
            var first = s.occurrences().get(0);
            return new Booked(
                    first.appointmentId(),
                    s.appointmentTypeId(),
                    s.clinicianId(),
                    s.locationId(),
                    s.isRemote(),
                    first.startTime().toInstant(),
                    first.endTime().toInstant(),
                    null,
                    null);
        }
    }

    OrganizationSettings settings(Tenant tenant) {
        return organizations.settings(tenant);
    }

    /** A cancelled or declined appointment's messages carry no manage link: there is nothing left to manage. */
    Messages.Appointment of(
            Tenant tenant,
            OrganizationSettings settings,
            Booked booked,
            Patients.Contact contact,
            Messages.Kind kind,
            int sequence) {
        String manageUrl = kind == Messages.Kind.CANCELLATION || kind == Messages.Kind.DECLINED
                ? null
                : manageLinks.urlFor(tenant, booked.id());
        return describe(tenant, settings, booked, contact, sequence, manageUrl);
    }

    /** A time the waitlist holds for the patient: its link is the offer's, to accept or decline it. */
    Messages.Appointment offered(
            Tenant tenant, OrganizationSettings settings, Booked held, Patients.Contact contact, String offerId) {
        return describe(tenant, settings, held, contact, 1, manageLinks.offerUrl(tenant, offerId));
    }

    private Messages.Appointment describe(
            Tenant tenant,
            OrganizationSettings settings,
            Booked booked,
            Patients.Contact contact,
            int sequence,
            String manageUrl) {
        LocationView location = booked.locationId() == null ? null : locations.get(tenant, booked.locationId());
        ZoneId zone = location == null ? settings.timezone() : ZoneId.of(location.timezone());
        return new Messages.Appointment(
                booked.id(),
                settings.name(),
                types.get(tenant, booked.appointmentTypeId()).name(),
                clinicians.get(tenant, booked.clinicianId()).name(),
                booked.start(),
                booked.end(),
                zone,
                booked.remote(),
                location == null ? "" : location.oneLine(),
                contact.firstName(),
                sequence,
                Messages.locale(contact.preferredLanguage()),
                manageUrl,
                booked.seriesId() == null
                        ? null
                        : new Messages.SeriesDate(
                                booked.seriesId(),
                                series.originalStart(tenant, booked.seriesId(), booked.seriesIndex())));
    }
}
