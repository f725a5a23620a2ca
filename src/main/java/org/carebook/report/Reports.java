package org.carebook.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.Locations;
import org.carebook.catalog.WorkingHours;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A location's report for a period of its local dates, up to a year; read in one snapshot. */
@Service
public class Reports {

    /** The longest period one report covers. */
    public static final int MOST_DAYS = 366;

    /** The most dates one call of {@link #days} counts: six weeks of a month's page. */
    public static final int MONTH_VIEW_DAYS = 42;

    private final ReportRepository repository;
    private final WorkingHours workingHours;
    private final Locations locations;
    private final Clinicians clinicians;

    Reports(ReportRepository repository, WorkingHours workingHours, Locations locations, Clinicians clinicians) {
        this.repository = repository;
        this.workingHours = workingHours;
        this.locations = locations;
        this.clinicians = clinicians;
    }

    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Report of(Tenant tenant, String locationId, LocalDate from, LocalDate to) {
        var problems = new Problems();
        if (to.isBefore(from)) {
            problems.add("to", "must not be before from");
        } else if (ChronoUnit.DAYS.between(from, to) >= MOST_DAYS) {
            problems.add("to", "must be at most " + MOST_DAYS + " days after from");
        }
        problems.throwIfAny();
        LocationView location = locations.get(tenant, locationId);
        return new Report(
                location.id(),
                from,
                to,
                utilisation(tenant, location, from, to),
                repository.attendance(tenant, location.id(), from, to),
                leadTime(repository.leadDays(tenant, location.id(), from, to)),
                repository.sources(tenant, location.id(), from, to),
                repository.cancellations(tenant, location.id(), from, to));
    }

    /** Each date from {@code from} to {@code to} at the location, for the console's month (six weeks at most). */
    @Transactional(readOnly = true)
    public List<DayLoad> days(Tenant tenant, String locationId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MONTH_VIEW_DAYS) {
            var problems = new Problems();
            problems.add("to", "must be from 0 to " + (MONTH_VIEW_DAYS - 1) + " days after from");
            problems.throwIfAny();
        }
        LocationView location = locations.get(tenant, locationId);
        ZoneId zone = ZoneId.of(location.timezone());
        var schedules = workingHours.schedules(tenant, null, location.id(), from, to);
        var off = workingHours.timeOff(
                schedules.stream().map(s -> s.clinicianId()).distinct().toList(),
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        var counted = new java.util.HashMap<LocalDate, DayLoad>();
        repository.perDay(tenant, location.id(), from, to).forEach(d -> counted.put(d.date(), d));
        var days = new ArrayList<DayLoad>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long offered = OfferedTime.minutes(schedules, off, day, day).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            var found = counted.getOrDefault(day, new DayLoad(day, 0, 0, 0, 0));
            days.add(new DayLoad(day, found.booked(), found.pending(), offered, found.bookedMinutes()));
        }
        return days;
    }

    /** Every clinician who works at the location or was booked there, by name. */
    private List<Report.Utilisation> utilisation(Tenant tenant, LocationView location, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.of(location.timezone());
        var schedules = workingHours.schedules(tenant, null, location.id(), from, to);
        var booked = repository.bookedMinutes(tenant, location.id(), from, to);
        var ids = new java.util.TreeSet<String>(booked.keySet());
        schedules.forEach(s -> ids.add(s.clinicianId()));
        var off = workingHours.timeOff(
                ids,
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        var offered = OfferedTime.minutes(schedules, off, from, to);
        // The schedules name their clinicians; only one booked here without a schedule any more is looked up.
        var names = new java.util.HashMap<String, String>();
        schedules.forEach(s -> names.put(s.clinicianId(), s.clinicianName()));
        var rows = new ArrayList<Report.Utilisation>();
        for (String id : ids) {
            rows.add(new Report.Utilisation(
                    id,
                    names.computeIfAbsent(id, c -> clinicians.get(tenant, c).name()),
                    offered.getOrDefault(id, 0L),
                    booked.getOrDefault(id, 0L)));
        }
        rows.sort(Comparator.comparing(Report.Utilisation::clinician).thenComparing(Report.Utilisation::clinicianId));
        return rows;
    }

    private static final long[] SPAN_ENDS = {1, 3, 8, 15, 31};
    private static final String[] SPAN_NAMES = {
        "under a day", "1–2 days", "3–7 days", "8–14 days", "15–30 days", "over 30 days"
    };

    /** Mean and median, and the spans patients book ahead in. */
    static Report.LeadTime leadTime(List<Double> days) {
        long[] counts = new long[SPAN_NAMES.length];
        for (double d : days) {
            int span = 0;
            while (span < SPAN_ENDS.length && d >= SPAN_ENDS[span]) {
                span++;
            }
            counts[span]++;
        }
        var spans = new ArrayList<Report.Count>();
        for (int i = 0; i < counts.length; i++) {
            spans.add(new Report.Count(SPAN_NAMES[i], counts[i]));
        }
        double mean = days.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double median = days.isEmpty()
                ? 0
                : days.size() % 2 == 1
                        ? days.get(days.size() / 2)
                        : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2;
        return new Report.LeadTime(days.size(), mean, median, spans);
    }
}
