package org.carebook.waitlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carebook.kernel.Mode;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Entries, their offers and the freed time waiting to be offered, in plain SQL. */
@Repository
class WaitlistRepository {

    private static final TypeReference<List<TimeOfDay>> TIMES = new TypeReference<>() {};

    private final JdbcClient jdbc;

    WaitlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the entry, unless the patient already waits for this service: then the live one there is. */
    WaitlistEntry insertOrFindLive(WaitlistEntry e) {
        var p = e.preferences();
        int added = Sql.scoped(jdbc.sql("""
                        INSERT INTO waitlist_entries (id, organization_id, mode, patient_id, appointment_type_id,
                            clinician_id, location_id, days, times_of_day, until_date, status, source, created_at,
                            updated_at)
                        VALUES (:id, :org, :mode, :patient, :type, :clinician, :location, :days, :times::jsonb, :until,
                            'waiting', :source, :now, :now)
                        ON CONFLICT (patient_id, appointment_type_id) WHERE status IN ('waiting', 'offered')
                        DO NOTHING"""), e.tenant())
                .param("id", e.id())
                .param("patient", e.patientId())
                .param("type", e.appointmentTypeId())
                .param("clinician", p.clinicianId())
                .param("location", p.locationId())
                .param(
                        "days",
                        Sql.array(p.days().stream()
                                .map(d -> d.name().toLowerCase(Locale.ROOT))
                                .toList()))
                .param("times", Sql.json(p.times()))
                .param("until", p.until())
                .param("source", e.source())
                .param("now", Sql.at(e.createdAt()))
                .update();
        if (added == 1) {
            return e;
        }
        return jdbc.sql("""
                        SELECT * FROM waitlist_entries
                         WHERE patient_id = :patient AND appointment_type_id = :type AND status IN ('waiting', 'offered')""")
                .param("patient", e.patientId())
                .param("type", e.appointmentTypeId())
                .query(WaitlistRepository::entry)
                .single();
    }

    Optional<WaitlistEntry> find(Tenant tenant, String id, boolean forUpdate) {
        return Sql.owned(jdbc, "waitlist_entries", tenant, id, forUpdate)
                .query(WaitlistRepository::entry)
                .optional();
    }

    /** An entry by id alone, locked: for the sweeper, which works across organizations. */
    Optional<WaitlistEntry> findById(String id) {
        return jdbc.sql("SELECT * FROM waitlist_entries WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(WaitlistRepository::entry)
                .optional();
    }

    List<WaitlistEntry> page(Tenant tenant, String locationId, EntryStatus status, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM waitlist_entries
                         WHERE organization_id = :org AND mode = :mode
                           AND (CAST(:location AS text) IS NULL OR location_id = :location OR location_id IS NULL)
                           AND (CAST(:status AS text) IS NULL OR status = :status)
                           AND (created_at, id) > (:after, :afterId)
                         ORDER BY created_at, id LIMIT :limit"""), tenant), page)
                .param("location", locationId)
                .param("status", status == null ? null : status.wire())
                .query(WaitlistRepository::entry)
                .list();
    }

    /** The live entries (waiting or offered) of one location and those for any, oldest first; at most {@code limit}. */
    List<WaitlistEntry> live(Tenant tenant, String locationId, int limit) {
        return Sql.scoped(jdbc.sql("""
                        SELECT * FROM waitlist_entries
                         WHERE organization_id = :org AND mode = :mode AND status IN ('waiting', 'offered')
                           AND (location_id IS NULL OR location_id = :location)
                         ORDER BY created_at, id LIMIT :limit"""), tenant)
                .param("location", locationId)
                .param("limit", limit)
                .query(WaitlistRepository::entry)
                .list();
    }

    /** The entries in line for time of this clinician, first come first served. */
    List<WaitlistEntry> inLineFor(Tenant tenant, String clinicianId, LocalDate today) {
        return Sql.scoped(jdbc.sql("""
                        SELECT * FROM waitlist_entries
                         WHERE organization_id = :org AND mode = :mode AND status = 'waiting'
                           AND (clinician_id IS NULL OR clinician_id = :clinician) AND until_date >= :today
                         ORDER BY created_at, id"""), tenant)
                .param("clinician", clinicianId)
                .param("today", today)
                .query(WaitlistRepository::entry)
                .list();
    }

    /** Live entries whose last day has passed, for the sweeper. */
    List<WaitlistEntry> pastTheirLastDay(LocalDate today, int limit) {
        return jdbc.sql("""
                        SELECT * FROM waitlist_entries
                         WHERE status IN ('waiting', 'offered') AND until_date < :today
                         ORDER BY until_date LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("today", today)
                .param("limit", limit)
                .query(WaitlistRepository::entry)
                .list();
    }

    void save(WaitlistEntry e) {
        jdbc.sql("""
                        UPDATE waitlist_entries SET status = :status, appointment_id = :appointment, updated_at = :now
                         WHERE id = :id""")
                .param("id", e.id())
                .param("status", e.status().wire())
                .param("appointment", e.appointmentId())
                .param("now", Sql.at(e.updatedAt()))
                .update();
    }

    void insertOffer(Offer offer) {
        jdbc.sql("""
                        INSERT INTO waitlist_offers (id, entry_id, hold_id, clinician_id, location_id, timezone,
                                                     start_time, end_time, status, expires_at, created_at)
                        VALUES (:id, :entry, :hold, :clinician, :location, :zone, :start, :end, 'open', :expires,
                                :now)""")
                .param("id", offer.id())
                .param("entry", offer.entryId())
                .param("hold", offer.holdId())
                .param("clinician", offer.clinicianId())
                .param("location", offer.locationId())
                .param("zone", offer.zone().getId())
                .param("start", Sql.at(offer.start()))
                .param("end", Sql.at(offer.end()))
                .param("expires", Sql.at(offer.expiresAt()))
                .param("now", Sql.at(offer.createdAt()))
                .update();
    }

    Optional<Offer> findOffer(String id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM waitlist_offers WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id)
                .query(WaitlistRepository::offer)
                .optional();
    }

    Optional<Offer> openOfferOf(String entryId) {
        return Optional.ofNullable(openOffersOf(List.of(entryId)).get(entryId));
    }

    /** The open offers of these entries, by entry: one query for a whole list. */
    Map<String, Offer> openOffersOf(Collection<String> entryIds) {
        return jdbc.sql("""
                        SELECT * FROM waitlist_offers
                         WHERE entry_id = ANY (CAST(:entries AS text[])) AND status = 'open'""").param("entries", Sql.array(entryIds)).query(WaitlistRepository::offer).list().stream()
                .collect(Collectors.toMap(Offer::entryId, offer -> offer));
    }

    /** Whether this entry was offered this clinician's time at this start already: it is not offered it twice. */
    boolean wasOffered(String entryId, String clinicianId, Instant start) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM waitlist_offers
                                        WHERE entry_id = :entry AND clinician_id = :clinician AND start_time = :start)""")
                .param("entry", entryId)
                .param("clinician", clinicianId)
                .param("start", Sql.at(start))
                .query(Boolean.class)
                .single();
    }

    void decide(String offerId, OfferStatus status, Instant now) {
        jdbc.sql("UPDATE waitlist_offers SET status = :status, decided_at = :now WHERE id = :id")
                .param("id", offerId)
                .param("status", status.wire())
                .param("now", Sql.at(now))
                .update();
    }

    /** Open offers whose time to answer has passed, locked; another process sweeping skips them. */
    List<Offer> lapsed(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM waitlist_offers WHERE status = 'open' AND expires_at <= :now
                         ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", Sql.at(now))
                .param("limit", limit)
                .query(WaitlistRepository::offer)
                .list();
    }

    /** Freed time, told in the transaction that freed it. */
    void opened(Tenant tenant, String clinicianId, Instant start, Instant end, Instant now) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO waitlist_openings (organization_id, mode, clinician_id, freed, created_at)
                        VALUES (:org, :mode, :clinician, tstzrange(:start, :end), :now)"""), tenant)
                .param("clinician", clinicianId)
                .param("start", Sql.at(start))
                .param("end", Sql.at(end))
                .param("now", Sql.at(now))
                .update();
    }

    /** The oldest opening nobody else is working on, taken: gone once this transaction commits. */
    Optional<Opening> takeOpening() {
        return jdbc.sql("""
                        DELETE FROM waitlist_openings
                         WHERE id = (SELECT id FROM waitlist_openings ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING organization_id, mode, clinician_id, lower(freed) AS start_time,
                                  upper(freed) AS end_time""")
                .query((rs, n) -> new Opening(
                        new Tenant(rs.getString("organization_id"), Mode.fromWire(rs.getString("mode"))),
                        rs.getString("clinician_id"),
                        Sql.instant(rs, "start_time"),
                        Sql.instant(rs, "end_time")))
                .optional();
    }

    private static WaitlistEntry entry(ResultSet rs, int n) throws SQLException {
        var days = EnumSet.noneOf(DayOfWeek.class);
        Sql.texts(rs, "days").forEach(d -> days.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT))));
        var preferences = new Preferences(
                rs.getString("clinician_id"),
                rs.getString("location_id"),
                days,
                Sql.json(rs, "times_of_day", TIMES),
                rs.getObject("until_date", LocalDate.class));
        return new WaitlistEntry(
                rs.getString("id"),
                new Tenant(rs.getString("organization_id"), Mode.fromWire(rs.getString("mode"))),
                rs.getString("patient_id"),
                rs.getString("appointment_type_id"),
                preferences,
                EntryStatus.fromWire(rs.getString("status")),
                rs.getString("appointment_id"),
                rs.getString("source"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private static Offer offer(ResultSet rs, int n) throws SQLException {
        return new Offer(
                rs.getString("id"),
                rs.getString("entry_id"),
                rs.getString("hold_id"),
                rs.getString("clinician_id"),
                rs.getString("location_id"),
                java.time.ZoneId.of(rs.getString("timezone")),
                Sql.instant(rs, "start_time"),
                Sql.instant(rs, "end_time"),
                OfferStatus.fromWire(rs.getString("status")),
                Sql.instant(rs, "expires_at"),
                Sql.instant(rs, "created_at"));
    }
}
