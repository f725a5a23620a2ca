package org.carebook.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String id, OrganizationDraft draft, Instant createdAt, Instant updatedAt) {}

    void insert(String id, OrganizationDraft draft, Instant now) {
        jdbc.sql("""
                        INSERT INTO organizations (id, name, timezone, country, currency, hold_ttl_minutes,
                                                   reminder_hours_before, sms_countries, phone, cancel_notice_hours,
                                                   reschedule_notice_hours, max_reschedules,
                                                   max_active_bookings_per_patient, approve_new_patients,
                                                   approval_window_hours, waitlist_offer_minutes, calendar_feed_names,
                                                   created_at, updated_at)
                        VALUES (:id, :name, :timezone, :country, :currency, :ttl, :reminders, :smsCountries, :phone,
                                :cancelNotice, :rescheduleNotice, :maxReschedules, :maxActive, :approveNew, :approvalWindow,
                                :offerMinutes, :feedNames, :now, :now)""")
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    void update(String id, OrganizationDraft draft, Instant now) {
        jdbc.sql("""
                        UPDATE organizations SET name = :name, timezone = :timezone, country = :country,
                            currency = :currency, hold_ttl_minutes = :ttl, reminder_hours_before = :reminders,
                            sms_countries = :smsCountries, phone = :phone, cancel_notice_hours = :cancelNotice,
                            reschedule_notice_hours = :rescheduleNotice, max_reschedules = :maxReschedules,
                            max_active_bookings_per_patient = :maxActive, approve_new_patients = :approveNew,
                            approval_window_hours = :approvalWindow, waitlist_offer_minutes = :offerMinutes,
                            calendar_feed_names = :feedNames, updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .params(columns(draft))
                .param("now", Sql.at(now))
                .update();
    }

    Optional<Row> find(String id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM organizations WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id)
                .query(OrganizationRepository::row)
                .optional();
    }

    List<Row> page(PageRequest page) {
        return jdbc.sql("""
                        SELECT * FROM organizations WHERE (created_at, id) > (:after, :afterId)
                        ORDER BY created_at, id LIMIT :limit""")
                .param("after", Sql.at(page.after().createdAt()))
                .param("afterId", page.after().id())
                .param("limit", page.fetchSize())
                .query(OrganizationRepository::row)
                .list();
    }

    private static java.util.Map<String, Object> columns(OrganizationDraft draft) {
        var values = new java.util.HashMap<String, Object>();
        values.put("name", draft.name());
        values.put("timezone", draft.timezone());
        values.put("country", draft.country());
        values.put("currency", draft.currency());
        values.put("ttl", draft.holdTtlMinutes());
        values.put("reminders", draft.reminderHoursBefore().toArray(Integer[]::new));
        values.put(
                "smsCountries",
                draft.smsCountries() == null ? null : draft.smsCountries().toArray(String[]::new));
        values.put("phone", draft.phone());
        values.put("cancelNotice", draft.cancelNoticeHours());
        values.put("rescheduleNotice", draft.rescheduleNoticeHours());
        values.put("maxReschedules", draft.maxReschedules());
        values.put("maxActive", draft.maxActiveBookingsPerPatient());
        values.put("approveNew", draft.approveNewPatients());
        values.put("approvalWindow", draft.approvalWindowHours());
        values.put("offerMinutes", draft.waitlistOfferMinutes());
        values.put("feedNames", draft.calendarFeedNames());
        return values;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var draft = new OrganizationDraft(
                rs.getString("name"),
                rs.getString("timezone"),
                rs.getString("country"),
                rs.getString("currency"),
                rs.getObject("hold_ttl_minutes", Integer.class),
                Sql.integers(rs, "reminder_hours_before"),
                rs.getArray("sms_countries") == null ? null : Sql.texts(rs, "sms_countries"),
                rs.getString("phone"),
                rs.getObject("cancel_notice_hours", Integer.class),
                rs.getObject("reschedule_notice_hours", Integer.class),
                rs.getObject("max_reschedules", Integer.class),
                rs.getObject("max_active_bookings_per_patient", Integer.class),
                rs.getBoolean("approve_new_patients"),
                rs.getInt("approval_window_hours"),
                rs.getInt("waitlist_offer_minutes"),
                rs.getBoolean("calendar_feed_names"));
        return new Row(rs.getString("id"), draft, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
