package org.carebook.waitlist;

import java.time.Instant;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.Locations;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Component;

/** Names an offer's clinic, service, clinician and place for its patient's page. */
@Component
class OfferDescriptions {

    private final Organizations organizations;
    private final AppointmentTypes types;
    private final Clinicians clinicians;
    private final Locations locations;

    OfferDescriptions(Organizations organizations, AppointmentTypes types, Clinicians clinicians, Locations locations) {
        this.organizations = organizations;
        this.types = types;
        this.clinicians = clinicians;
        this.locations = locations;
    }

    OfferPage page(WaitlistEntry entry, Offer offer, Instant now) {
        var tenant = entry.tenant();
        String status = offer.status() == OfferStatus.OPEN && !offer.isOpen(now)
                ? OfferStatus.LAPSED.wire()
                : offer.status().wire();
        var view = offer.view();
        return new OfferPage(
                status,
                organizations.settings(tenant).name(),
                types.get(tenant, entry.appointmentTypeId()).name(),
                clinicians.get(tenant, offer.clinicianId()).name(),
                offer.locationId() == null
                        ? null
                        : locations.get(tenant, offer.locationId()).oneLine(),
                offer.locationId() == null,
                view.startTime(),
                view.endTime(),
                view.expiresAt(),
                offer.zone().getId(),
                entry.appointmentId());
    }
}
