package org.carebook.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.kernel.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who works for which organization, in which role: a person's membership of each. */
@Repository
class MembershipRepository {

    private static final String SELECT = """
            SELECT m.id, m.organization_id, o.name AS organization_name, m.staff_user_id, u.email, m.name, m.role,
                   m.clinician_id, m.status, m.created_at, u.language
            FROM staff_memberships m
            JOIN staff_users u ON u.id = m.staff_user_id
            JOIN organizations o ON o.id = m.organization_id""";

    private final JdbcClient jdbc;

    MembershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Membership(
            String id,
            String organizationId,
            String organizationName,
            String userId,
            String email,
            String name,
            StaffRole role,
            String clinicianId,
            StaffStatus status,
            Instant createdAt,
            String language) {

        StaffMember view() {
            return new StaffMember(id, email, name, role.wire(), clinicianId, status.wire(), createdAt);
        }

        SignedInStaff signedIn() {
            return new SignedInStaff(id, organizationId, organizationName, role, language);
        }
    }

    /**
     * A new membership, invited or (for set-up code) active; a removed one of the same person comes back with
     * the new role. Empty when the person is already on this organization's staff.
     */
    Optional<String> insert(
            String id, String organizationId, String userId, InviteStaff command, StaffStatus status, Instant now) {
        return jdbc.sql("""
                        INSERT INTO staff_memberships (id, organization_id, staff_user_id, name, role, clinician_id,
                                                       status, created_at, updated_at)
                        VALUES (:id, :org, :user, :name, :role, :clinician, :status, :now, :now)
                        ON CONFLICT (organization_id, staff_user_id) DO UPDATE
                            SET name = excluded.name, role = excluded.role, clinician_id = excluded.clinician_id,
                                status = excluded.status, updated_at = excluded.updated_at
                            WHERE staff_memberships.status = 'removed'
                        RETURNING id""")
                .param("id", id)
                .param("org", organizationId)
                .param("user", userId)
                .param("name", command.name())
                .param("role", command.role().wire())
                .param("clinician", command.clinicianId())
                .param("status", status.wire())
                .param("now", Sql.at(now))
                .query(String.class)
                .optional();
    }

    Optional<Membership> find(String organizationId, String id, boolean forUpdate) {
        return where(
                        "m.organization_id = :org AND m.id = :id AND m.status <> 'removed'"
                                + (forUpdate ? " FOR UPDATE OF m" : ""),
                        Map.of("org", organizationId, "id", id))
                .stream()
                .findFirst();
    }

    Optional<Membership> byId(String id) {
        return where("m.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Everyone on an organization's staff (not those removed), oldest first. */
    List<Membership> ofOrganization(String organizationId) {
        return where(
                "m.organization_id = :org AND m.status <> 'removed' ORDER BY m.created_at, m.id",
                Map.of("org", organizationId));
    }

    /** Every organization a person is on the staff of (not those that removed them), by organization name. */
    List<Membership> ofUser(String userId) {
        return where("m.staff_user_id = :user AND m.status <> 'removed' ORDER BY o.name, m.id", Map.of("user", userId));
    }

    /** Names of everyone who ever was on the staff, removed included, to say who did something in the logs. */
    List<Membership> everyone(String organizationId) {
        return where("m.organization_id = :org", Map.of("org", organizationId));
    }

    private List<Membership> where(String condition, Map<String, ?> params) {
        return jdbc.sql(SELECT + " WHERE " + condition)
                .params(params)
                .query(MembershipRepository::membership)
                .list();
    }

    /**
     * Locks the organization's active owners and counts them: two owners demoting each other at once queue
     * here, so one owner always stays.
     */
    int lockActiveOwners(String organizationId) {
        return jdbc.sql("""
                        SELECT id FROM staff_memberships
                        WHERE organization_id = :org AND role = 'owner' AND status = 'active'
                        ORDER BY id FOR UPDATE""")
                .param("org", organizationId)
                .query(String.class)
                .list()
                .size();
    }

    void update(String id, String name, StaffRole role, String clinicianId, StaffStatus status, Instant now) {
        jdbc.sql("""
                        UPDATE staff_memberships SET name = :name, role = :role, clinician_id = :clinician,
                            status = :status, updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .param("name", name)
                .param("role", role.wire())
                .param("clinician", clinicianId)
                .param("status", status.wire())
                .param("now", Sql.at(now))
                .update();
    }

    /** Accepting invitations: each invited membership of the person (or just the one given) becomes active. */
    void activateInvited(String userId, String onlyId, Instant now) {
        jdbc.sql("""
                        UPDATE staff_memberships SET status = 'active', updated_at = :now
                        WHERE staff_user_id = :user AND status = 'invited'
                          AND (CAST(:only AS text) IS NULL OR id = :only)""")
                .param("user", userId)
                .param("only", onlyId)
                .param("now", Sql.at(now))
                .update();
    }

    private static Membership membership(ResultSet rs, int n) throws SQLException {
        return new Membership(
                rs.getString("id"),
                rs.getString("organization_id"),
                rs.getString("organization_name"),
                rs.getString("staff_user_id"),
                rs.getString("email"),
                rs.getString("name"),
                StaffRole.fromWire(rs.getString("role")).orElseThrow(),
                rs.getString("clinician_id"),
                StaffStatus.fromWire(rs.getString("status")).orElseThrow(),
                Sql.instant(rs, "created_at"),
                rs.getString("language"));
    }

    /** The console language of the person behind a membership; null: their browser's. */
    void chooseLanguage(String staffId, String language) {
        jdbc.sql("""
                        UPDATE staff_users SET language = :language
                        WHERE id = (SELECT staff_user_id FROM staff_memberships WHERE id = :staff)""").param("language", language).param("staff", staffId).update();
    }
}
