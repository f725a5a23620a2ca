package org.carebook.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * The slot rules of docs/api.md §3 as one pure function.
 *
 * <p>A block of working hours on a local date covers the instants from the first occurrence of its
 * start to the last occurrence of its end. A clock time the zone skips (spring forward) resolves to the
 * moment the clock jumps, so no non-existent local time is ever produced. Starts step from the block's
 * start by elapsed time, so a block across a change yields each real instant once.
 */
public final class SlotEngine {

    private SlotEngine() {}

    public static List<Slot> slots(SlotQuery query) {
        return answer(query).slots();
    }

    /**
     * The slots, and the first moment at which the passing of time alone would change them: an offered
     * start falling inside the minimum notice, or a start beyond the horizon coming within it. Empty when
     * only a change of data could change them. (Holds expiring are the caller's part: it knows their expiries.)
     */
    public static Answer answer(SlotQuery query) {
        var type = query.type();
        if (!type.active() || (query.filter().publishable() && !type.onlineBookable())) {
            return new Answer(List.of(), Optional.empty());
        }
        Instant earliest = query.now().plus(type.minNotice());
        Instant latest = query.now().plus(type.maxAdvance());
        var clinicianTimelines = new HashMap<String, Timeline>();
        var roomTimelines = new HashMap<String, List<Timeline>>();
        var found = new ArrayList<Slot>();
        long firstBeyondHorizon = Long.MAX_VALUE;
        for (WorkingSchedule schedule : query.schedules()) {
            if (!offers(schedule, type, query.filter())) {
                continue;
            }
            var busy = clinicianTimelines.computeIfAbsent(
                    schedule.clinicianId(),
                    id -> Timeline.of(query.clinicianBusy().get(id)));
            var rooms = needsRoom(type, schedule)
                    ? roomTimelines.computeIfAbsent(schedule.locationId(), id -> roomTimelines(query, id))
                    : null;
            for (LocalDate date = query.from(); !date.isAfter(query.to()); date = date.plusDays(1)) {
                for (ClockBlock block : schedule.hoursOn(date)) {
                    firstBeyondHorizon = Math.min(
                            firstBeyondHorizon,
                            addSlots(
                                    found,
                                    schedule,
                                    type,
                                    blockStart(date, block.start(), schedule.zone()),
                                    blockEnd(date, block.end(), schedule.zone()),
                                    earliest,
                                    latest,
                                    busy,
                                    rooms));
                }
            }
        }
        found.sort(SlotEngine::order);
        var offered = withoutRepeats(found);
        Optional<Instant> changes = Optional.empty();
        if (!offered.isEmpty()) {
            changes = Optional.of(offered.get(0).start().minus(type.minNotice()));
        }
        if (firstBeyondHorizon != Long.MAX_VALUE) {
            Instant entering = Timeline.instant(firstBeyondHorizon).minus(type.maxAdvance());
            changes = Optional.of(changes.filter(c -> c.isBefore(entering)).orElse(entering));
        }
        return new Answer(offered, changes);
    }

    /** Slots in order, and when time alone would change them (see {@link #answer}). */
    public record Answer(List<Slot> slots, Optional<Instant> changesAt) {}

    /** Start, then clinician name, then what tells two equal names or places apart. */
    private static int order(Slot a, Slot b) {
        int c = a.start().compareTo(b.start());
        if (c == 0) {
            c = a.clinicianName().compareTo(b.clinicianName());
        }
        if (c == 0) {
            c = a.clinicianId().compareTo(b.clinicianId());
        }
        if (c == 0) {
            c = String.valueOf(a.locationId()).compareTo(String.valueOf(b.locationId()));
        }
        return c != 0 ? c : Boolean.compare(a.remote(), b.remote());
    }

    /**
     * Two schedules of one clinician may name the same time; it is offered once, from the first schedule.
     * Sorting is stable and puts such repeats side by side.
     */
    private static List<Slot> withoutRepeats(List<Slot> sorted) {
        var offered = new ArrayList<Slot>(sorted.size());
        Slot previous = null;
        for (Slot slot : sorted) {
            if (previous == null || order(previous, slot) != 0) {
                offered.add(slot);
            }
            previous = slot;
        }
        return offered;
    }

    /** The instant a local date and clock time names: the first occurrence, or empty if the clock skips it. */
    public static Optional<Instant> resolve(LocalDate date, LocalTime time, ZoneId zone) {
        var local = LocalDateTime.of(date, time);
        var offsets = zone.getRules().getValidOffsets(local);
        return offsets.isEmpty()
                ? Optional.empty()
                : Optional.of(ZonedDateTime.ofLocal(local, zone, offsets.get(0)).toInstant());
    }

    private static boolean offers(WorkingSchedule schedule, AppointmentRules type, SlotFilter filter) {
        return schedule.active()
                && schedule.clinicianActive()
                && type.offeredBy(schedule.clinicianId())
                && schedule.offers(type.id())
                && type.offeredIn(schedule.remote())
                && filter.admits(schedule);
    }

    private static boolean needsRoom(AppointmentRules type, WorkingSchedule schedule) {
        return type.requiresRoom() && !schedule.remote();
    }

    private static List<Timeline> roomTimelines(SlotQuery query, String locationId) {
        return query.roomsByLocation().getOrDefault(locationId, List.of()).stream()
                .map(room -> Timeline.of(room.busy()))
                .toList();
    }

    /**
     * Steps through one block in microseconds of elapsed time; only offered starts become objects. Returns
     * the first start left out for being beyond the horizon, or {@code Long.MAX_VALUE}.
     */
    private static long addSlots(
            List<Slot> found,
            WorkingSchedule schedule,
            AppointmentRules type,
            Instant blockStart,
            Instant blockEnd,
            Instant earliest,
            Instant latest,
            Timeline busy,
            List<Timeline> rooms) {
        long duration = micros(type.duration());
        long before = micros(type.bufferBefore());
        long after = micros(type.bufferAfter());
        long end = Timeline.micros(blockEnd);
        long first = Timeline.micros(earliest);
        long last = Timeline.micros(latest);
        long step = micros(type.interval());
        for (long start = Timeline.micros(blockStart); start + duration <= end; start += step) {
            if (start < first) {
                continue;
            }
            if (start > last) {
                return start;
            }
            long from = start - before;
            long to = start + duration + after;
            if (busy.isFree(from, to) && (rooms == null || anyFree(rooms, from, to))) {
                found.add(new Slot(
                        Timeline.instant(start),
                        Timeline.instant(start + duration),
                        schedule.zone(),
                        schedule.clinicianId(),
                        schedule.clinicianName(),
                        schedule.locationId(),
                        schedule.locationName(),
                        schedule.remote(),
                        type.id(),
                        schedule.id(),
                        null));
            }
        }
        return Long.MAX_VALUE;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static boolean anyFree(List<Timeline> rooms, long from, long to) {
        for (Timeline room : rooms) {
            if (room.isFree(from, to)) {
                return true;
            }
        }
        return false;
    }

    private static Instant blockStart(LocalDate date, LocalTime time, ZoneId zone) {
        var local = LocalDateTime.of(date, time);
        var transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null)
                .withEarlierOffsetAtOverlap()
                .toInstant();
    }

    private static Instant blockEnd(LocalDate date, LocalTime time, ZoneId zone) {
        var local = LocalDateTime.of(date, time);
        var transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null)
                .withLaterOffsetAtOverlap()
                .toInstant();
    }
}
