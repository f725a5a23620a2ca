package org.carebook.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The slot rules of docs/api.md §3, one table each, on the engine alone: daylight-saving days, slot intervals,
 * buffers and rooms. Starts are written as the API renders them, in the schedule's offset at that instant.
 */
class SlotRulesTest {

    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0} {1} {2}–{3}, every {4} min")
    @CsvSource(delimiter = '|', textBlock = """
            Europe/London    | 2027-03-28 | 00:00 | 04:00 | 60 | 2027-03-28T00:00Z 2027-03-28T02:00+01:00 2027-03-28T03:00+01:00
            Europe/London    | 2027-03-28 | 00:00 | 03:00 | 30 | 2027-03-28T00:00Z 2027-03-28T00:30Z 2027-03-28T02:00+01:00 2027-03-28T02:30+01:00
            Europe/London    | 2027-10-31 | 00:00 | 03:00 | 60 | 2027-10-31T00:00+01:00 2027-10-31T01:00+01:00 2027-10-31T01:00Z 2027-10-31T02:00Z
            America/New_York | 2027-03-14 | 01:00 | 04:00 | 60 | 2027-03-14T01:00-05:00 2027-03-14T03:00-04:00
            America/New_York | 2027-11-07 | 00:00 | 02:00 | 60 | 2027-11-07T00:00-04:00 2027-11-07T01:00-04:00 2027-11-07T01:00-05:00
            Europe/London    | 2027-06-01 | 09:00 | 11:00 | 60 | 2027-06-01T09:00+01:00 2027-06-01T10:00+01:00
            """)
    void aBlockSpanningAClockChangeYieldsRealInstantsWithNoneMissingOrTwice(
            String zone, LocalDate date, String start, String end, int minutes, String expected) {
        var type = type(minutes, minutes, 0, 0, false);
        var schedule = schedule("clin_1", "loc_1", false, ZoneId.of(zone), date, start, end);

        assertThat(starts(query(type, List.of(schedule), Map.of(), Map.of(), date)))
                .containsExactly(expected.split(" "));
    }

    @ParameterizedTest(name = "{0}-minute appointments every {1} min in 09:00–{2}")
    @CsvSource(delimiter = '|', textBlock = """
            30 | 20 | 10:30 | 09:00 09:20 09:40 10:00
            45 | 15 | 10:00 | 09:00 09:15
            30 | 30 | 10:15 | 09:00 09:30
            60 | 30 | 09:59 | ''
            """)
    void startsStepByTheIntervalAndTheWholeAppointmentFitsTheBlock(
            int duration, int interval, String end, String expected) {
        var type = type(duration, interval, 0, 0, false);
        var day = LocalDate.of(2027, 6, 1);
        var schedule = schedule("clin_1", "loc_1", false, ZoneId.of("UTC"), day, "09:00", end);

        assertThat(starts(query(type, List.of(schedule), Map.of(), Map.of(), day)))
                .containsExactly(times(day, expected));
    }

    @ParameterizedTest(name = "buffers {0} before, {1} after, around a booking at 10:00–10:30")
    @CsvSource(delimiter = '|', textBlock = """
            0  | 0  | 09:00 09:30 10:30 11:00 11:30
            15 | 0  | 09:00 09:30 11:00 11:30
            0  | 15 | 09:00 10:30 11:00 11:30
            30 | 30 | 09:00 11:00 11:30
            """)
    void aSlotWidenedByItsBuffersMustNotTouchABusyInterval(int before, int after, String expected) {
        var type = type(30, 30, before, after, false);
        var day = LocalDate.of(2027, 6, 1);
        var schedule = schedule("clin_1", "loc_1", false, ZoneId.of("UTC"), day, "09:00", "12:00");
        var booked = Map.of("clin_1", List.of(interval("2027-06-01T10:00:00Z", "2027-06-01T10:30:00Z")));

        assertThat(starts(query(type, List.of(schedule), booked, Map.of(), day)))
                .containsExactly(times(day, expected));
    }

    @ParameterizedTest(name = "rooms busy: {0}; remote schedule: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            none                                 | false | 09:00 09:30 10:00 10:30
            room_a 09:00-10:00                   | false | 10:00 10:30
            room_a 09:00-10:00, room_b 09:30-10:30 | false | 09:00 10:00 10:30
            room_a 09:00-11:00, room_b 09:00-11:00 | false | ''
            room_a 09:00-11:00, room_b 09:00-11:00 | true  | 09:00 09:30 10:00 10:30
            """)
    void aTypeThatNeedsARoomIsOfferedInPersonOnlyWhileSomeRoomIsFree(
            String busyRooms, boolean remote, String expected) {
        var type = type(30, 30, 0, 0, true);
        var day = LocalDate.of(2027, 6, 1);
        var schedule = schedule("clin_1", remote ? null : "loc_1", remote, ZoneId.of("UTC"), day, "09:00", "11:00");
        var rooms = Map.of("loc_1", rooms(day, busyRooms));

        assertThat(starts(query(type, List.of(schedule), Map.of(), rooms, day))).containsExactly(times(day, expected));
    }

    private static AppointmentRules type(int duration, int interval, int bufferBefore, int bufferAfter, boolean room) {
        return new AppointmentRules(
                "type_1",
                Duration.ofMinutes(duration),
                Duration.ofMinutes(interval),
                Duration.ofMinutes(bufferBefore),
                Duration.ofMinutes(bufferAfter),
                Duration.ZERO,
                Duration.ofDays(3650),
                true,
                true,
                room,
                Set.of(),
                true,
                true);
    }

    private static WorkingSchedule schedule(
            String clinician, String location, boolean remote, ZoneId zone, LocalDate day, String start, String end) {
        return new WorkingSchedule(
                "sched_" + clinician,
                clinician,
                "Dr " + clinician,
                true,
                location,
                "Clinic",
                remote,
                zone,
                Map.of(day.getDayOfWeek(), List.of(ClockBlock.of(start, end))),
                Map.of(),
                null,
                null,
                Set.of(),
                Set.of(),
                true);
    }

    private static SlotQuery query(
            AppointmentRules type,
            List<WorkingSchedule> schedules,
            Map<String, List<Interval>> busy,
            Map<String, List<RoomBusy>> rooms,
            LocalDate day) {
        return new SlotQuery(type, schedules, busy, rooms, day, day, LONG_AGO, SlotFilter.NONE);
    }

    private static List<String> starts(SlotQuery query) {
        return SlotEngine.slots(query).stream()
                .map(slot -> slot.startTime().toString())
                .toList();
    }

    /** "09:00 09:30" on {@code day} in UTC, rendered as the engine renders them. */
    private static String[] times(LocalDate day, String clockTimes) {
        return clockTimes.isBlank()
                ? new String[0]
                : Arrays.stream(clockTimes.split(" "))
                        .map(time -> day + "T" + time + "Z")
                        .toArray(String[]::new);
    }

    /** The location's rooms, each busy for one span ("room_a 09:00-10:00, room_b 09:30-10:30"); "none": two free rooms. */
    private static List<RoomBusy> rooms(LocalDate day, String description) {
        if (description.equals("none")) {
            return List.of(new RoomBusy("room_a", List.of()), new RoomBusy("room_b", List.of()));
        }
        return Arrays.stream(description.split(",\\s*"))
                .map(room -> {
                    String[] parts = room.strip().split(" ");
                    String[] span = parts[1].split("-");
                    return new RoomBusy(
                            parts[0], List.of(interval(day + "T" + span[0] + ":00Z", day + "T" + span[1] + ":00Z")));
                })
                .toList();
    }

    private static Interval interval(String start, String end) {
        return new Interval(Instant.parse(start), Instant.parse(end));
    }
}
