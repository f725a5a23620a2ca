package org.carebook.console;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A location's month as weeks of days (Monday first, six rows at most), each day with how much is booked:
 * appointments, those waiting for approval, and booked time as a share of the working time offered.
 */
public record MonthView(
        String mode,
        DayView.LocationChoice location,
        List<DayView.LocationChoice> locations,
        YearMonth month,
        LocalDate today,
        List<List<Day>> weeks) {

    /** One date on the page; days of the months before and after fill the first and last weeks. */
    public record Day(LocalDate date, boolean inMonth, long booked, long pending, double share) {

        /** The share booked as a whole percentage, for the page's words around it. */
        public long percent() {
            return Math.round(share * 100);
        }

        /** How full the day is, for its shade: 0 (nothing offered or booked) to 4 (nearly full). */
        public int fullness() {
            return share <= 0 ? 0 : Math.min(4, 1 + (int) (share * 4));
        }
    }

    private ConsolePaths paths() {
        return ConsolePaths.of(mode);
    }

    public String path() {
        return paths().root() + "/month";
    }

    public String monthUrl(YearMonth other) {
        return path() + "?location=" + location.id() + "&date=" + other.atDay(1);
    }

    public String previousUrl() {
        return monthUrl(month.minusMonths(1));
    }

    public String nextUrl() {
        return monthUrl(month.plusMonths(1));
    }

    public String todayUrl() {
        return path() + "?location=" + location.id();
    }

    public String dayUrl(LocalDate date) {
        return paths().day() + "?location=" + location.id() + "&date=" + date;
    }

    public String bookUrl() {
        return paths().book() + "?location=" + location.id();
    }
}
