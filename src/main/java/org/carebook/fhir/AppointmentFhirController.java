package org.carebook.fhir;

import static org.carebook.fhir.FhirInteraction.Kind.OPERATION;
import static org.carebook.fhir.FhirInteraction.Kind.READ;
import static org.carebook.fhir.FhirInteraction.Kind.SEARCH;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.carebook.api.RequiresScope;
import org.carebook.booking.AppointmentFilter;
import org.carebook.booking.AppointmentStatus;
import org.carebook.booking.Appointments;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Scope;
import org.hl7.fhir.r4.model.Appointment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appointments: read and search, and the scheduling operations of the Argonaut and IHE ITI profiles — find
 * (ITI-115), hold (ITI-116) and book (ITI-117), which {@link Scheduling} carries out through the booking facades.
 */
@RestController
@RequestMapping(Bundles.PATH + "/Appointment")
class AppointmentFhirController {

    private final Appointments appointments;
    private final Scheduling scheduling;
    private final FhirJson json;
    private final SlotReferences slotReferences;

    AppointmentFhirController(
            Appointments appointments, Scheduling scheduling, FhirJson json, SlotReferences slotReferences) {
        this.slotReferences = slotReferences;
        this.appointments = appointments;
        this.scheduling = scheduling;
        this.json = json;
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    @FhirInteraction(
            resource = "Appointment",
            kind = READ,
            documentation = "A hold-… id is a hold: pending while it keeps its time, 410 Gone once it has not.")
    ResponseEntity<byte[]> read(Caller caller, @PathVariable String id) {
        return json.ok(scheduling.read(caller, id));
    }

    @GetMapping
    @RequiresScope(Scope.READ_APPOINTMENTS)
    @FhirInteraction(
            resource = "Appointment",
            kind = SEARCH,
            searchParams = {
                "patient:reference",
                "practitioner:reference",
                "location:reference",
                "date:date",
                "status:token"
            },
            documentation = "date is read as calendar days in each appointment's own zone.")
    ResponseEntity<byte[]> search(Caller caller, HttpServletRequest request) {
        var query = FhirQuery.of(request, Set.of("patient", "practitioner", "location", "date", "status"));
        var range = query.range("date");
        var statuses = statuses(request.getParameter("status"));
        if (statuses != null && statuses.isEmpty()) {
            return json.ok(Bundles.searchset(request, List.of(), query, null)); // statuses Carebook never has
        }
        var filter = new AppointmentFilter(
                range.from() == null ? null : LocalDate.ofInstant(range.from(), ZoneOffset.UTC),
                range.until() == null ? null : LocalDate.ofInstant(range.until().minusNanos(1), ZoneOffset.UTC),
                query.referencedId("practitioner", "Practitioner", "clin"),
                query.referencedId("location", "Location", "loc"),
                query.referencedId("patient", "Patient", "pat"),
                statuses,
                null,
                null);
        var page = appointments.list(caller, filter, Bundles.pageRequest(query));
        return json.ok(Bundles.page(request, query, page, slotReferences.forPage(caller.tenant(), page.data())));
    }

    @PostMapping("/$find")
    @RequiresScope(Scope.READ_AVAILABILITY)
    @FhirInteraction(
            resource = "Appointment",
            kind = OPERATION,
            operation = "find",
            documentation = "Free times as proposed Appointments. Parameters: start, end, practitioner (repeated: in"
                    + " order of preference; Argonaut's provider), location (IHE's location-reference),"
                    + " service-type (IHE's visit-type), specialty, organization, patient (IHE's patient-reference),"
                    + " _count; by GET or as a Parameters resource by POST. Others are ignored, and named in an"
                    + " OperationOutcome entry, unless Prefer: handling=strict.")
    ResponseEntity<byte[]> find(Caller caller, HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        var parameters = OperationParameters.of(request, body == null || body.length == 0 ? null : json.parseAny(body));
        var bundle = Bundles.searchset(request, scheduling.find(caller, parameters), parameters.query(), null);
        bundle.setTotalElement(null); // the answer stops at _count: how many more times are free is not counted
        return json.ok(bundle);
    }

    @GetMapping("/$find")
    @RequiresScope(Scope.READ_AVAILABILITY)
    ResponseEntity<byte[]> findByGet(Caller caller, HttpServletRequest request) {
        return find(caller, request, null);
    }

    @PostMapping("/$hold")
    @RequiresScope(Scope.WRITE_HOLDS)
    @FhirInteraction(
            resource = "Appointment",
            kind = OPERATION,
            operation = "hold",
            documentation = "Keeps a proposed appointment's time: a pending Appointment whose hold-expires extension"
                    + " says until when. Parts: appointment (Carebook: answers the Appointment), or IHE's"
                    + " appointment-reference or Argonaut's appt-id and appt-resource (answered with a Bundle).")
    ResponseEntity<byte[]> hold(Caller caller, HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        var input = AppointmentInput.of(json.parseAny(body));
        return answer(request, input, 201, scheduling.hold(caller, input));
    }

    @PostMapping("/$book")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    @FhirInteraction(
            resource = "Appointment",
            kind = OPERATION,
            operation = "book",
            documentation = "Books a held (hold-…) or proposed appointment for a Patient; with an apt-… id, moves it"
                    + " to a new start, or cancels it when its status is cancelled. Also at Appointment/{id}/$book."
                    + " Parts: appointment (Carebook: answers the Appointment), or IHE's appointment-reference,"
                    + " appointment-resource, patient-resource and comment, or Argonaut's appt-id and appt-resource"
                    + " (answered with a searchset Bundle).")
    ResponseEntity<byte[]> book(Caller caller, HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        var input = AppointmentInput.of(json.parseAny(body));
        var booked = scheduling.book(caller, input);
        return answer(request, input, booked.created() ? 201 : 200, booked.appointment());
    }

    /** IHE's and Argonaut's instance form: the path names the proposed, held or booked appointment. */
    @PostMapping("/{id}/$book")
    @RequiresScope(Scope.WRITE_APPOINTMENTS)
    ResponseEntity<byte[]> bookInstance(
            Caller caller,
            HttpServletRequest request,
            @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        var input = AppointmentInput.of(body == null || body.length == 0 ? null : json.parseAny(body), id);
        var booked = scheduling.book(caller, input);
        return answer(request, input, booked.created() ? 201 : 200, booked.appointment());
    }

    /** The appointment as it is, or in a searchset Bundle for callers that used the standards' parameters. */
    private ResponseEntity<byte[]> answer(
            HttpServletRequest request, AppointmentInput input, int status, Appointment appointment) {
        return input.standard()
                ? json.status(status, Bundles.of(request, appointment))
                : json.status(status, appointment);
    }

    /** FHIR statuses (comma-separated) as Carebook's; those Carebook has no counterpart for match nothing. */
    private static Set<AppointmentStatus> statuses(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return null;
        }
        return Arrays.stream(parameter.split(","))
                .map(String::strip)
                .map(s -> {
                    AppointmentStatus status = SchedulingResources.carebookStatus(s);
                    if (status == null
                            && !Set.of("proposed", "arrived", "entered-in-error", "waitlist")
                                    .contains(s)) {
                        throw FhirQuery.invalid("status", s + " is not an appointment status");
                    }
                    return status;
                })
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
    }
}
