package org.carebook.booking;

import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.RequiresScope;
import org.carebook.kernel.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AvailabilityController {

    private final Availability availability;

    AvailabilityController(Availability availability) {
        this.availability = availability;
    }

    @GetMapping("/v1/availability")
    @RequiresScope(Scope.READ_AVAILABILITY)
    ListPage<SlotView> slots(Caller caller,
                             @RequestParam(name = "appointment_type_id", required = false) String appointmentTypeId,
                             @RequestParam(name = "start_date", required = false) String startDate,
                             @RequestParam(name = "end_date", required = false) String endDate,
                             @RequestParam(name = "clinician_id", required = false) String clinicianId,
                             @RequestParam(name = "location_id", required = false) String locationId,
                             @RequestParam(name = "is_remote", required = false) String isRemote,
                             @RequestParam(name = "insurance_payer", required = false) String insurancePayer) {
        return ListPage.all(availability.slots(caller, new Availability.Request(appointmentTypeId, startDate, endDate,
                clinicianId, locationId, isRemote, insurancePayer)));
    }
}
