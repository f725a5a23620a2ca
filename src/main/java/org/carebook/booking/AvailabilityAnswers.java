package org.carebook.booking;

import java.time.Clock;
import java.time.Instant;
import org.carebook.availability.SlotEngine;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.Problems;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP edges' side of availability: reads the query string into an {@link AvailabilityQuery} and answers
 * with finished JSON: from the cache while it is still true (ADR 0013), else from a standby that has caught up
 * with what the answer depends on (ADR 0014), else from the primary. The facade below it only finds times.
 */
@Component
public class AvailabilityAnswers {

    private final Availability availability;
    private final AvailabilityCache cache;
    private final AvailabilityChanges changes;
    private final StandbyAnswers standby;
    private final JsonMapper json;
    private final Clock clock;

    AvailabilityAnswers(
            Availability availability,
            AvailabilityCache cache,
            AvailabilityChanges changes,
            StandbyAnswers standby,
            JsonMapper json,
            Clock clock) {
        this.availability = availability;
        this.cache = cache;
        this.changes = changes;
        this.standby = standby;
        this.json = json;
        this.clock = clock;
    }

    /** The query as the URL gives it; each parameter that cannot be read is added to {@code problems}. */
    public static AvailabilityQuery read(
            String appointmentTypeId,
            String startDate,
            String endDate,
            String clinicianId,
            String locationId,
            String isRemote,
            String insurancePayer,
            Problems problems) {
        if (appointmentTypeId == null || appointmentTypeId.isBlank()) {
            problems.add("appointmentTypeId", "is required");
        }
        return new AvailabilityQuery(
                AppointmentFilters.blankToNull(appointmentTypeId),
                requiredDate(startDate, "start_date", problems),
                requiredDate(endDate, "end_date", problems),
                AppointmentFilters.blankToNull(clinicianId),
                AppointmentFilters.blankToNull(locationId),
                remote(isRemote, problems),
                AppointmentFilters.blankToNull(insurancePayer));
    }

    /** {@code {"data": [slot, …], …}} for the query; every problem of the request in one 422. */
    public byte[] answer(Caller caller, AvailabilityQuery query, Problems problems) {
        if (!problems.isEmpty()) {
            return render(availability.find(caller, query, problems));
        }
        var key = new AvailabilityCache.Key(
                caller.tenant(),
                query.appointmentTypeId(),
                query.filter(caller.isPublishable()),
                query.from(),
                query.to());
        Instant now = clock.instant();
        if (cache.enabled()) {
            var cached = cache.get(key, now);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        var computed = standby.compute(
                        caller.tenant(),
                        () -> availability.findWithSubjects(caller, query, new Problems()),
                        SlotFinder.Found::bookedSubjects)
                .map(onStandby -> new Computed(onStandby.snapshot(), onStandby.value()))
                .orElseGet(() -> onPrimary(caller, query, problems));
        byte[] rendered = render(computed.found().answer());
        if (cache.enabled()) {
            cache.put(
                    key,
                    new AvailabilityCache.Basis(
                            computed.snapshot(), computed.found().bookedSubjects(), now),
                    computed.found().answer().changesAt(),
                    rendered);
        }
        return rendered;
    }

    /** An answer and the snapshot of the database read before it was computed. */
    private record Computed(String snapshot, SlotFinder.Found found) {}

    /** Read first: a write committing while the answer is computed then retires it at the next request. */
    private Computed onPrimary(Caller caller, AvailabilityQuery query, Problems problems) {
        String snapshot = changes.snapshot();
        return new Computed(snapshot, availability.findWithSubjects(caller, query, problems));
    }

    private byte[] render(SlotEngine.Answer found) {
        var renderer = new SlotView.Renderer();
        return json.writeValueAsBytes(
                ListPage.all(found.slots().stream().map(renderer::view).toList()));
    }

    /** A date the query must give, as {@code YYYY-MM-DD}; null (and a problem) when it does not. */
    public static java.time.LocalDate requiredDate(String text, String field, Problems problems) {
        if (text == null || text.isBlank()) {
            problems.add(field, "is required");
            return null;
        }
        return AppointmentFilters.date(text, field, problems);
    }

    private static Boolean remote(String text, Problems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            problems.add("isRemote", "must be true or false");
            return null;
        }
        return Boolean.valueOf(text);
    }
}
