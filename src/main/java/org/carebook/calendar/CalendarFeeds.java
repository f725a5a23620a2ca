package org.carebook.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.Locations;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.PublicAddress;
import org.carebook.kernel.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar subscriptions: made for a clinician or a location, listed, revoked; and the file each one's secret
 * address serves. The address is the credential, so whoever makes one must be able to read what it shows.
 */
@Service
public class CalendarFeeds {

    /** The path a feed's file is served at, after its token. */
    public static final String PATH = "/calendars/";

    private final CalendarFeedRepository feeds;
    private final Clinicians clinicians;
    private final Locations locations;
    private final FeedFiles files;
    private final PublicAddress address;
    private final Clock clock;

    CalendarFeeds(
            CalendarFeedRepository feeds,
            Clinicians clinicians,
            Locations locations,
            FeedFiles files,
            PublicAddress address,
            Clock clock) {
        this.feeds = feeds;
        this.clinicians = clinicians;
        this.locations = locations;
        this.files = files;
        this.address = address;
        this.clock = clock;
    }

    /** A feed of one clinician's or one location's appointments; its {@code webcal://} address is shown once. */
    @Transactional
    public CalendarFeedView create(Caller caller, String clinicianId, String locationId, Problems problems) {
        if ((clinicianId == null) == (locationId == null)) {
            problems.add("clinicianId", "give a clinician or a location, not both");
        }
        problems.throwIfAny();
        if (files.showsNames(caller.tenant()) && !caller.has(Scope.READ_PATIENTS)) {
            // The organization's feeds name patients: a key that may not read them may not hand them out.
            throw CarebookException.missingScope(Scope.READ_PATIENTS);
        }
        if (clinicianId != null) {
            clinicians.get(caller.tenant(), clinicianId);
        } else {
            locations.get(caller.tenant(), locationId);
        }
        String id = Ids.next("cal");
        String token = Ids.random(32);
        feeds.insert(caller.tenant(), id, clinicianId, locationId, hash(token), clock.instant());
        String url = address.link(PATH + token + ".ics").replaceFirst("^https?://", "webcal://");
        return view(caller, id).withUrl(url);
    }

    @Transactional(readOnly = true)
    public ListPage<CalendarFeedView> list(Caller caller, PageRequest page) {
        return ListPage.of(
                feeds.page(caller.tenant(), page),
                page,
                r -> new PageRequest.Position(r.view().createdAt(), r.view().id()),
                CalendarFeedRepository.Row::view);
    }

    /** The address stops working at once; calendars that subscribed keep what they last fetched. */
    @Transactional
    public CalendarFeedView revoke(Caller caller, String id) {
        view(caller, id);
        feeds.revoke(id, clock.instant());
        return view(caller, id);
    }

    /**
     * The file a token's feed serves today, or nothing for a token that names no active feed. Not read-only: the
     * patients a file names are audited as read.
     */
    @Transactional
    public Optional<FeedFile> file(String token) {
        return feeds.active(hash(token)).map(row -> files.render(row, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
    }

    private CalendarFeedView view(Caller caller, String id) {
        return feeds.find(caller.tenant(), id)
                .map(CalendarFeedRepository.Row::view)
                .orElseThrow(() -> CarebookException.notFound("No such calendar feed."));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
