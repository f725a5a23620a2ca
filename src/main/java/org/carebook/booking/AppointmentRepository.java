package org.carebook.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.kernel.Mode;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.carebook.patient.PatientView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AppointmentRepository {

    private final JdbcClient jdbc;

    AppointmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A pending appointment waits for approval for the organization's window from its booking; it is declined when
     * that has passed or its time has come, whichever is first (see {@link #overdueForApproval}).
     */
    private static final String APPROVAL_DUE = """
            CASE WHEN :status = 'pending' THEN CAST(:now AS timestamptz) + make_interval(hours => (
                SELECT approval_window_hours FROM organizations WHERE id = :org)) END""";

    void insert(Appointment row) {
        Sql.scoped(jdbc.sql("""
                        INSERT INTO appointments (id, organization_id, mode, status, patient_id, appointment_type_id,
                            clinician_id, location_id, room_id, is_remote, timezone, start_time, end_time, title,
                            reason, notes, payment_mode, insurance, attendee_name, attendee_email, attendee_phone,
                            hold_id, source, series_id, series_index, session_id, allow_overlapping, external_ids,
                            booking_limit_overridden, referral_source, booking_referral, approval_due_at, created_at,
                            updated_at)
                        VALUES (:id, :org, :mode, :status, :patient, :type, :clinician, :location, :room, :remote,
                            :zone, :start, :end, :title, :reason, :notes, :payment, :insurance::jsonb, :attendeeName,
                            :attendeeEmail, :attendeePhone, :hold, :source, :series, :seriesIndex, :session, :overlapping,
                            :external::jsonb,
                            :limitOverridden, :referralSource, :bookingReferral, """ + APPROVAL_DUE + """
                            , :now, :now)"""), row.tenant())
                .param("id", row.id())
                .param("status", row.status().wire())
                .param("patient", row.patientId())
                .param("type", row.appointmentTypeId())
                .params(placement(row.placement()))
                .params(details(row.details()))
                .param("hold", row.holdId())
                .param("source", row.source())
                .param("series", row.series() == null ? null : row.series().seriesId())
                .param("seriesIndex", row.series() == null ? null : row.series().index())
                .param("session", row.sessionId())
                .param("overlapping", row.allowOverlapping())
                .param("limitOverridden", row.bookingLimitOverridden())
                .param("now", Sql.at(row.createdAt()))
                .update();
    }

    Optional<Appointment> find(Tenant tenant, String id, boolean forUpdate) {
        return Sql.owned(jdbc, "appointments", tenant, id, forUpdate)
                .query(AppointmentRepository::row)
                .optional();
    }

    List<Appointment> page(Tenant tenant, AppointmentFilter filter, PageRequest page) {
        return Sql.paged(Sql.scoped(jdbc.sql("""
                        SELECT * FROM appointments
                         WHERE organization_id = :org AND mode = :mode
                           AND (CAST(:from AS date) IS NULL OR (start_time AT TIME ZONE timezone)::date >= :from)
                           AND (CAST(:to AS date) IS NULL OR (start_time AT TIME ZONE timezone)::date <= :to)
                           AND (CAST(:clinician AS text) IS NULL OR clinician_id = :clinician)
                           AND (CAST(:location AS text) IS NULL OR location_id = :location)
                           AND (CAST(:patient AS text) IS NULL OR patient_id = :patient)
                           AND (CAST(:statuses AS text[]) IS NULL OR status = ANY (CAST(:statuses AS text[])))
                           AND (CAST(:system AS text) IS NULL OR external_ids @> jsonb_build_object(CAST(:system AS text), CAST(:value AS text)))
                           AND (start_time, id) > (:after, :afterId)
                         ORDER BY start_time, id LIMIT :limit"""), tenant), page)
                .param("from", filter.startDate())
                .param("to", filter.endDate())
                .param("clinician", filter.clinicianId())
                .param("location", filter.locationId())
                .param("patient", filter.patientId())
                .param(
                        "statuses",
                        filter.statuses() == null
                                ? null
                                : Sql.array(filter.statuses().stream()
                                        .map(AppointmentStatus::wire)
                                        .toList()))
                .param("system", filter.externalSystem())
                .param("value", filter.externalValue())
                .query(AppointmentRepository::row)
                .list();
    }

    /** Writes an appointment as a transition left it: every column that can change, in one UPDATE. */
    void save(Appointment a) {
        jdbc.sql("""
                        UPDATE appointments SET status = :status, clinician_id = :clinician, location_id = :location,
                            room_id = :room, is_remote = :remote, timezone = :zone, start_time = :start, end_time = :end,
                            title = :title, reason = :reason, notes = :notes, payment_mode = :payment,
                            insurance = :insurance::jsonb, attendee_name = :attendeeName, attendee_email = :attendeeEmail,
                            attendee_phone = :attendeePhone, external_ids = :external::jsonb, cancelled_at = :cancelledAt,
                            cancellation_reason = :cancellationReason, cancelled_by = :cancelledBy,
                            checked_in_at = :checkedInAt, late_cancellation = :late, reschedule_count = :reschedules,
                            session_id = :session, updated_at = :now
                         WHERE id = :id""")
                .param("id", a.id())
                .param("status", a.status().wire())
                .params(placement(a.placement()))
                .params(details(a.details()))
                .param("cancelledAt", Sql.at(a.cancelledAt()))
                .param("cancellationReason", a.cancellationReason())
                .param("cancelledBy", a.cancelledBy())
                .param("checkedInAt", Sql.at(a.checkedInAt()))
                .param("late", a.lateCancellation())
                .param("reschedules", a.rescheduleCount())
                .param("session", a.sessionId())
                .param("now", Sql.at(a.updatedAt()))
                .update();
    }

    private static Map<String, Object> placement(Placement p) {
        var values = new HashMap<String, Object>();
        values.put("clinician", p.clinicianId());
        values.put("location", p.locationId());
        values.put("room", p.roomId());
        values.put("remote", p.remote());
        values.put("zone", p.zone().getId());
        values.put("start", Sql.at(p.start()));
        values.put("end", Sql.at(p.end()));
        return values;
    }

    private static Map<String, Object> details(AppointmentDetails d) {
        var values = new HashMap<String, Object>();
        values.put("title", d.title());
        values.put("reason", d.reason());
        values.put("notes", d.notes());
        values.put("payment", d.paymentMode());
        values.put("insurance", d.insurance() == null ? null : Sql.json(d.insurance()));
        values.put("attendeeName", d.attendeeName());
        values.put("attendeeEmail", d.attendeeEmail());
        values.put("attendeePhone", d.attendeePhone());
        values.put("external", Sql.json(d.externalIds()));
        values.put("referralSource", d.referral() == null ? null : d.referral().source());
        values.put("bookingReferral", d.referral() == null ? null : d.referral().bookingReferral());
        return values;
    }

    /** The patient's pending and confirmed appointments that have not started yet. */
    int countUpcoming(String patientId, Instant now) {
        return jdbc.sql("""
                        SELECT count(*) FROM appointments
                         WHERE patient_id = :patient AND status IN ('pending', 'confirmed') AND start_time > :now""")
                .param("patient", patientId)
                .param("now", Sql.at(now))
                .query(Integer.class)
                .single();
    }

    /**
     * Pending appointments whose approval window has passed or whose time has come, oldest first, locked: another
     * sweeper skips them, and an approval racing the decline waits and then finds it declined.
     */
    List<Appointment> overdueForApproval(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM appointments
                         WHERE status = 'pending' AND LEAST(approval_due_at, start_time) <= :now
                         ORDER BY LEAST(approval_due_at, start_time) LIMIT :limit
                         FOR UPDATE SKIP LOCKED""")
                .param("now", Sql.at(now))
                .param("limit", limit)
                .query(AppointmentRepository::row)
                .list();
    }

    /** Whether the patient has had an appointment here that the clinic accepted (a patient it has seen). */
    boolean hasBeenSeen(String patientId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM appointments
                                        WHERE patient_id = :patient AND status IN ('confirmed', 'checked_in', 'completed'))""").param("patient", patientId).query(Boolean.class).single();
    }

    /** Where and when a row of a table placed as appointments are (appointments, group sessions) is. */
    static Placement placed(ResultSet rs) throws SQLException {
        return new Placement(
                rs.getString("clinician_id"),
                rs.getString("location_id"),
                rs.getString("room_id"),
                rs.getBoolean("is_remote"),
                ZoneId.of(rs.getString("timezone")),
                Sql.instant(rs, "start_time"),
                Sql.instant(rs, "end_time"));
    }

    private static Appointment row(ResultSet rs, int n) throws SQLException {
        var placement = placed(rs);
        var details = new AppointmentDetails(
                rs.getString("title"),
                rs.getString("reason"),
                rs.getString("notes"),
                rs.getString("payment_mode"),
                Sql.json(rs, "insurance", PatientView.Insurance.class),
                rs.getString("attendee_name"),
                rs.getString("attendee_email"),
                rs.getString("attendee_phone"),
                Sql.stringMap(rs, "external_ids"),
                Referral.of(rs.getString("referral_source"), rs.getString("booking_referral")));
        return new Appointment(
                rs.getString("id"),
                new Tenant(rs.getString("organization_id"), Mode.fromWire(rs.getString("mode"))),
                AppointmentStatus.fromWire(rs.getString("status")),
                rs.getString("patient_id"),
                rs.getString("appointment_type_id"),
                placement,
                details,
                rs.getString("hold_id"),
                rs.getString("source"),
                series(rs),
                rs.getString("session_id"),
                rs.getBoolean("allow_overlapping"),
                Sql.instant(rs, "cancelled_at"),
                rs.getString("cancellation_reason"),
                rs.getString("cancelled_by"),
                Sql.instant(rs, "checked_in_at"),
                rs.getBoolean("late_cancellation"),
                rs.getInt("reschedule_count"),
                rs.getBoolean("booking_limit_overridden"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private static Appointment.SeriesPlace series(ResultSet rs) throws SQLException {
        String series = rs.getString("series_id");
        return series == null ? null : new Appointment.SeriesPlace(series, rs.getInt("series_index"));
    }
}
