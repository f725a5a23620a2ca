package org.carebook.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * One location's day as a grid: a column per clinician, a row per quarter hour of the location's own clock
 * from {@link #FIRST} to {@link #LAST} (so a day the clocks change still reads 07:00 to 20:00), and the
 * appointments as blocks placed on it. Row 1 holds the column headings.
 */
public record DayView(
        String mode,
        LocationChoice location,
        List<LocationChoice> locations,
        LocalDate date,
        ZoneId zone,
        List<Column> columns,
        List<Block> blocks,
        List<Shade> shades,
        List<Opening> openings,
        Integer nowLine,
        List<String> hours,
        boolean mayAct,
        boolean mayEditHours,
        LocationChoice weekOf,
        boolean byRoom) {

    /** How a location's day is split into columns: {@code clinicians} (the default) or {@code rooms}. */
    static final String BY_ROOMS = "rooms";

    static final LocalTime FIRST = LocalTime.of(7, 0);
    static final LocalTime LAST = LocalTime.of(20, 0);
    static final Duration ROW = Duration.ofMinutes(15);
    static final int ROWS = (int) (Duration.between(FIRST, LAST).toMinutes() / ROW.toMinutes());

    public record LocationChoice(String id, String name) {}

    public record Column(int index, String id, String name) {}

    /** Where a block sits: its column, and {@code rowStart} inclusive to {@code rowEnd} exclusive as CSS grid lines. */
    public record Place(int column, int rowStart, int rowEnd, Instant start, Instant end, String from, String to) {

        static Place run(int column, int rowStart, int rowEnd) {
            return new Place(column, rowStart, rowEnd, null, null, "", "");
        }

        /** The time as the server writes it ({@code 09:00–09:30}); the page rewrites it in the browser's way. */
        public String time() {
            return from + "–" + to;
        }
    }

    /** Open time in a column, where a click books with {@code clinicianId} on {@code date}. */
    public record Opening(Place place, String clinicianId, String who, LocalDate date) {}

    /** Shaded time in a column: {@code closed} (not working there), {@code off} (time off) or {@code held}. */
    public record Shade(Place place, String kind) {}

    /**
     * An appointment on the grid; one the viewer may not see into is {@link #busy} time with no patient; a class
     * session is one {@link #session} block for all its attendees, whose roster is a page of its own.
     */
    public record Block(
            String id,
            Place place,
            String patientId,
            String patient,
            String type,
            String status,
            String sessionId,
            String colour,
            int attending) {

        static Block busy(String id, Place place) {
            return new Block(id, place, null, null, "", "busy", null, null, 0);
        }

        /** A class: its type names it, and the page says how many attend. */
        static Block session(String sessionId, Place place, String type, String colour, int attending) {
            return new Block(sessionId, place, null, null, type, "session", sessionId, colour, attending);
        }

        public boolean shown() {
            return patientId != null;
        }

        public boolean upcoming() {
            return shown() && ("pending".equals(status) || "confirmed".equals(status));
        }

        public boolean checkedIn() {
            return shown() && "checked_in".equals(status);
        }
    }

    /** Where the grid's first row starts, in minutes after midnight (a drop on the grid is read from it). */
    public int firstMinute() {
        return FIRST.getHour() * 60 + FIRST.getMinute();
    }

    public boolean isWeek() {
        return weekOf != null;
    }

    public LocalDate previousDay() {
        return date.minusDays(isWeek() ? 7 : 1);
    }

    public LocalDate nextDay() {
        return date.plusDays(isWeek() ? 7 : 1);
    }

    public String path() {
        return isWeek() ? paths().week() : paths().day();
    }

    public String previousUrl() {
        return on(previousDay());
    }

    public String nextUrl() {
        return on(nextDay());
    }

    public String todayUrl() {
        return path() + "?" + keep();
    }

    public String gridUrl() {
        return gridPath() + "?" + keep() + "&date=" + date;
    }

    private String on(LocalDate day) {
        return path() + "?" + keep() + "&date=" + day;
    }

    /** The query that keeps this calendar (location, and the clinician of a week) on another date. */
    public String keep() {
        return "location=" + location.id() + (isWeek() ? "&clinician=" + weekOf.id() : "")
                + (byRoom ? "&by=" + BY_ROOMS : "");
    }

    /** The same day split the other way: by room instead of clinician, or back. */
    public String otherSplitPath() {
        return paths().day() + "?location=" + location.id() + "&date=" + date + (byRoom ? "" : "&by=" + BY_ROOMS);
    }

    public String weekPath(String clinicianId) {
        return paths().week() + "?location=" + location.id() + "&clinician=" + clinicianId + "&date=" + date;
    }

    public String dayPath(String day) {
        return paths().day() + "?location=" + location.id() + "&date=" + day;
    }

    public String timeOffPath() {
        return paths().root() + "/time-off?location=" + location.id() + "&date=" + date;
    }

    public String monthPath() {
        return paths().root() + "/month?location=" + location.id() + "&date=" + date;
    }

    public String reportsPath() {
        return paths().root() + "/reports?location=" + location.id();
    }

    public String settingsPath() {
        return paths().root() + "/settings";
    }

    public String waitlistPath() {
        return paths().root() + "/waitlist?location=" + location.id();
    }

    /** A type's colour on the grid, with its name: a colour never stands alone (each block names its type too). */
    public record Legend(String type, String colour) {}

    /** The types of the appointments shown, each once, in the order they first appear. */
    public List<Legend> legend() {
        return blocks.stream()
                .filter(b -> b.shown() && b.colour() != null)
                .map(b -> new Legend(b.type(), b.colour()))
                .distinct()
                .toList();
    }

    public String approvalsPath() {
        return paths().root() + "/approvals?location=" + location.id();
    }

    public String gridPath() {
        return path() + "/grid";
    }

    /** Where an action on an appointment posts to. */
    public String actionPath(String appointmentId, String action) {
        return paths().appointment(appointmentId) + "/" + action;
    }

    public String appointmentPath(String appointmentId) {
        return paths().appointment(appointmentId);
    }

    public String sessionPath(String sessionId) {
        return paths().session(sessionId);
    }

    public String patientPath(String patientId) {
        return paths().patient(patientId);
    }

    public String bookPath() {
        return paths().book() + "?location=" + location.id() + "&date=" + date;
    }

    /** The booking page for an opening, from its first free quarter hour (the page's script says which one). */
    public String bookAt(Opening opening) {
        return paths().book() + "?location=" + location.id() + "&date=" + opening.date() + "&clinician="
                + opening.clinicianId() + "&at=" + opening.place().from();
    }

    private ConsolePaths paths() {
        return ConsolePaths.of(mode);
    }

    /** This day's address, to come back to after an action. */
    public String back() {
        return path() + "?" + keep() + "&date=" + date;
    }

    public String streamPath() {
        return paths().stream();
    }

    /** The grid line where a local time falls, kept within the day's rows. */
    static int line(LocalTime time) {
        long minutes = Duration.between(FIRST, time).toMinutes();
        int line = 2 + (int) Math.floorDiv(minutes, ROW.toMinutes());
        return Math.max(2, Math.min(2 + ROWS, line));
    }
}
