package org.carebook.calendar;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.carebook.availability.Interval;
import org.carebook.booking.ExternalBusy;
import org.carebook.outbox.LeasedWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads linked calendars when they are due, in any number of processes (each due link is leased to one), and
 * makes the clinician's external busy time what the calendar says. The read happens outside any transaction; what
 * it found is stored in one short transaction that holds the link's row, so two reads of one link never interleave.
 */
@Component
class LinkPoller implements SchedulingConfigurer, DisposableBean {

    /** Busy time is kept from a day back (an event running now) to a year and a day ahead. */
    static final Duration BEHIND = Duration.ofDays(1);

    static final Duration AHEAD = Duration.ofDays(366);

    private static final Interval EVER = new Interval(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));

    private static final Logger log = LoggerFactory.getLogger(LinkPoller.class);

    private final CalendarLinkRepository links;
    private final LinkReader reader;
    private final CredentialSeal seal;
    private final ExternalBusy busy;
    private final ClinicianZone zones;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LinkSettings settings;
    private final LeasedWork<CalendarLinkRepository.Row> work;
    private final Timer reads;

    LinkPoller(
            CalendarLinkRepository links,
            LinkReader reader,
            CredentialSeal seal,
            ExternalBusy busy,
            ClinicianZone zones,
            TransactionTemplate transactions,
            Clock clock,
            LinkSettings settings,
            MeterRegistry metrics) {
        this.links = links;
        this.reader = reader;
        this.seal = seal;
        this.busy = busy;
        this.zones = zones;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        // A read takes at most the timeout twice (a CalDAV tag, then its events); the lease leaves room to store it.
        this.work = new LeasedWork<>(
                "calendar-reader", links::claimDue, this::poll, lease(settings), 20, 4, transactions, clock);
        this.reads = Timer.builder("carebook.calendar.reads").register(metrics);
    }

    static Duration lease(LinkSettings settings) {
        return settings.calendarTimeout().multipliedBy(3);
    }

    Duration lease() {
        return lease(settings);
    }

    /** Frees all of the link's busy time, in the caller's transaction: it is being unlinked. */
    void release(org.carebook.kernel.Tenant tenant, CalendarLinkView link) {
        busy.replace(tenant, link.id(), link.clinicianId(), EVER, java.util.List.of());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!settings.calendarPoll().isZero()) {
            registrar.addFixedDelayTask(work::drain, settings.calendarPoll());
        }
    }

    /** Reads one leased link and stores what it found; a failure is recorded on the link, never thrown. */
    void poll(CalendarLinkRepository.Row row) {
        reads.record(() -> read(row));
    }

    private void read(CalendarLinkRepository.Row row) {
        var link = row.view();
        Instant now = clock.instant();
        var window = new Interval(now.minus(BEHIND), now.plus(AHEAD));
        try {
            String password = row.sealedSecret() == null ? null : seal.open(link.id(), row.sealedSecret());
            // Once a day the whole calendar is read again whatever its version, as the window has moved on.
            boolean sameDay = link.polledAt() != null
                    && link.polledAt()
                            .atOffset(ZoneOffset.UTC)
                            .toLocalDate()
                            .equals(now.atOffset(ZoneOffset.UTC).toLocalDate());
            var source = new LinkReader.Source(
                    link.kind(), row.url(), link.username(), password, sameDay ? row.version() : null);
            var found = reader.read(source, window);
            if (found instanceof LinkReader.Read read) {
                var zone = zones.of(row.tenant(), link.clinicianId());
                var times = BusyReader.busy(read.calendars(), zone, window);
                store(row, window, times, read.version(), now);
            } else {
                transactions.executeWithoutResult(
                        status -> links.polled(link.id(), SyncStatus.SYNCED, null, row.version(), null, now));
            }
        } catch (LinkReader.Failed | BusyReader.Unreadable | CredentialSeal.Unreadable e) {
            log.info("Calendar link {} not read: {}", link.id(), e.getMessage());
            transactions.executeWithoutResult(
                    status -> links.polled(link.id(), SyncStatus.FAILED, e.getMessage(), row.version(), null, now));
        }
    }

    private void store(
            CalendarLinkRepository.Row row,
            Interval window,
            java.util.List<Interval> times,
            String version,
            Instant now) {
        var link = row.view();
        transactions.executeWithoutResult(status -> {
            if (!links.lock(link.id())) {
                return; // removed while it was being read
            }
            busy.replace(row.tenant(), link.id(), link.clinicianId(), window, times);
            busy.forgetBefore(link.id(), window.start());
            links.polled(link.id(), SyncStatus.SYNCED, null, version, times.size(), now);
        });
    }

    @Override
    public void destroy() {
        work.close();
    }
}
