package org.carebook.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.carebook.availability.Interval;
import org.junit.jupiter.api.Test;

class BusyReaderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Interval MARCH =
            new Interval(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"));

    private static String calendar(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("", events)
                + "END:VCALENDAR\r\n";
    }

    private static String event(String uid, String... lines) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20270101T000000Z\r\n" + String.join("\r\n", lines)
                + "\r\nEND:VEVENT\r\n";
    }

    private static Interval at(String start, String end) {
        return new Interval(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void anEventInAZoneIsBusyAtItsInstant() throws Exception {
        var busy = BusyReader.busy(
                List.of(calendar(event(
                        "a",
                        "DTSTART;TZID=Europe/Berlin:20270310T090000",
                        "DTEND;TZID=Europe/Berlin:20270310T100000"))),
                BERLIN,
                MARCH);
        assertThat(busy).containsExactly(at("2027-03-10T08:00:00Z", "2027-03-10T09:00:00Z"));
    }

    @Test
    void freeAndCancelledEventsBlockNothing() throws Exception {
        var busy = BusyReader.busy(
                List.of(calendar(
                        event("free", "DTSTART:20270310T090000Z", "DTEND:20270310T100000Z", "TRANSP:TRANSPARENT"),
                        event("gone", "DTSTART:20270311T090000Z", "DTEND:20270311T100000Z", "STATUS:CANCELLED"))),
                BERLIN,
                MARCH);
        assertThat(busy).isEmpty();
    }

    @Test
    void anAllDayEventIsTheWholeDayInTheClinicianZone() throws Exception {
        var busy = BusyReader.busy(
                List.of(calendar(event("day", "DTSTART;VALUE=DATE:20270315", "DTEND;VALUE=DATE:20270316"))),
                BERLIN,
                MARCH);
        assertThat(busy).containsExactly(at("2027-03-14T23:00:00Z", "2027-03-15T23:00:00Z"));
    }

    @Test
    void aWeeklyEventRepeatsAcrossTheDaylightSavingChangeWithItsMovedAndCancelledOccurrences() throws Exception {
        var busy = BusyReader.busy(
                List.of(calendar(
                        event(
                                "weekly",
                                "DTSTART;TZID=Europe/Berlin:20270322T090000",
                                "DTEND;TZID=Europe/Berlin:20270322T093000",
                                "RRULE:FREQ=WEEKLY;COUNT=3",
                                "EXDATE;TZID=Europe/Berlin:20270405T090000"),
                        event(
                                "weekly",
                                "RECURRENCE-ID;TZID=Europe/Berlin:20270329T090000",
                                "DTSTART;TZID=Europe/Berlin:20270329T140000",
                                "DTEND;TZID=Europe/Berlin:20270329T143000"))),
                BERLIN,
                new Interval(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-05-01T00:00:00Z")));
        assertThat(busy)
                .containsExactly(
                        at("2027-03-22T08:00:00Z", "2027-03-22T08:30:00Z"), // winter time: UTC+1
                        at("2027-03-29T12:00:00Z", "2027-03-29T12:30:00Z")); // moved, in summer time: UTC+2
    }

    @Test
    void overlappingAndTouchingTimesAreOne() throws Exception {
        var busy = BusyReader.busy(
                List.of(
                        calendar(event("a", "DTSTART:20270310T090000Z", "DTEND:20270310T100000Z")),
                        calendar(
                                event("b", "DTSTART:20270310T093000Z", "DTEND:20270310T103000Z"),
                                event("c", "DTSTART:20270310T103000Z", "DTEND:20270310T110000Z"))),
                BERLIN,
                MARCH);
        assertThat(busy).containsExactly(at("2027-03-10T09:00:00Z", "2027-03-10T11:00:00Z"));
    }

    @Test
    void somethingElseIsRefusedWithoutItsContent() {
        assertThatThrownBy(() -> BusyReader.busy(List.of("<html>Sign in</html>"), BERLIN, MARCH))
                .isInstanceOf(BusyReader.Unreadable.class)
                .hasMessage("is not an iCalendar file");
    }
}
