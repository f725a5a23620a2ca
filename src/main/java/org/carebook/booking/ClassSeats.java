package org.carebook.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.carebook.availability.Interval;
import org.carebook.availability.Slot;
import org.carebook.availability.SlotEngine;
import org.springframework.stereotype.Component;

/**
 * Availability of a class (a type of capacity above 1): every time carries its places, and the time of a session
 * that still has places is offered again, although the session keeps its clinician busy. A full session is not
 * offered. The answer changes when the first hold in a seat expires, as when a hold among the busy time does.
 */
@Component
class ClassSeats {

    private final GroupSessionRepository sessions;

    ClassSeats(GroupSessionRepository sessions) {
        this.sessions = sessions;
    }

    private record Place(String clinicianId, String locationId, Instant start) {}

    SlotEngine.Answer withSeats(
            SlotFinder.Inputs inputs, SlotEngine.Answer answer, Set<String> clinicians, Interval window) {
        var type = inputs.type();
        var empty = new Slot.Seats(type.capacity(), type.capacity());
        var slots = new ArrayList<Slot>();
        answer.slots().forEach(slot -> slots.add(slot.withSeats(empty)));
        var open = sessions.open(type.id(), clinicians, window.start(), window.end(), inputs.now());
        if (open.isEmpty()) {
            return new SlotEngine.Answer(slots, answer.changesAt());
        }
        var byPlace = new HashMap<Place, GroupSessionRepository.Open>();
        open.stream()
                .filter(session -> session.seatsLeft() > 0)
                .forEach(session ->
                        byPlace.put(new Place(session.clinicianId(), session.locationId(), session.start()), session));
        for (Slot offered : inputs.answer(BusyTime.Busy.none()).slots()) {
            var session = byPlace.get(new Place(offered.clinicianId(), offered.locationId(), offered.start()));
            if (session != null) {
                slots.add(offered.withSeats(new Slot.Seats(session.capacity(), session.seatsLeft())));
            }
        }
        slots.sort(Comparator.comparing(Slot::start)); // stable: clinicians keep their order at each start
        var changes = Stream.concat(
                        answer.changesAt().stream(),
                        open.stream()
                                .map(GroupSessionRepository.Open::firstExpiry)
                                .filter(Objects::nonNull))
                .min(Comparator.naturalOrder());
        return new SlotEngine.Answer(slots, changes);
    }
}
