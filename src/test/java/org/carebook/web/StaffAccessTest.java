package org.carebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.ConsoleSession;
import org.junit.jupiter.api.Test;

/**
 * Who may invite, change and remove staff (issue 25): only live callers holding {@code manage_staff}, never to a
 * role with more than they hold; one owner always stays; a disabled or removed person's sessions end at once.
 */
class StaffAccessTest extends ApiTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aKeyWithOnlyManageOrganizationCannotInviteAnOwner() {
        var org = newOrganization();
        var organizationKey = keyWithScopes(org, "manage_organization");

        var invited = organizationKey.post("/v1/staff", invitation("owner@attacker.example", "owner"));

        assertThat(invited.status()).isEqualTo(403);
        assertThat(invited.reason()).isEqualTo("missing_scope");
        assertThat(org.live().get("/v1/staff").data()).isEmpty();
    }

    @Test
    void testModeKeysCannotTouchStaffAtAll() {
        var org = newOrganization();

        for (var response : java.util.List.of(
                org.test().post("/v1/staff", invitation("owner@attacker.example", "owner")),
                org.test().get("/v1/staff"),
                org.test().delete("/v1/staff/staff_anyone"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.reason()).isEqualTo("live_only");
        }
        var testKeyScopes = org.test()
                .post(
                        "/v1/api-keys",
                        Map.of("name", "x", "type", "secret", "scopes", java.util.List.of("manage_staff")));
        assertThat(testKeyScopes.status()).isEqualTo(422);
        assertThat(org.live().get("/v1/staff").data()).isEmpty();
    }

    @Test
    void aCallerGrantsOnlyRolesWhoseScopesItHolds() {
        var org = newOrganization();
        var staffKey = keyWithScopes(
                org,
                "manage_staff",
                "read_appointment_types",
                "read_availability",
                "read_patients",
                "read_appointments",
                "read_catalog",
                "read_events");

        var owner = staffKey.post("/v1/staff", invitation("boss@clinic.example", "owner"));
        var desk = staffKey.post("/v1/staff", invitation("desk@clinic.example", "front_desk"));
        var reader = staffKey.post("/v1/staff", invitation("reader@clinic.example", "read_only"));

        assertThat(owner.status()).isEqualTo(403);
        assertThat(owner.reason()).isEqualTo("cannot_grant");
        assertThat(desk.status()).isEqualTo(403);
        assertThat(reader.status()).as(reader.toString()).isEqualTo(201);
        var promoted = staffKey.patch(
                "/v1/staff/" + reader.data().get("staff").get("id").stringValue(), Map.of("role", "owner"));
        assertThat(promoted.status()).isEqualTo(403);
        assertThat(promoted.reason()).isEqualTo("cannot_grant");
    }

    @Test
    void everyInvitationChangeAndRemovalIsAudited() {
        var org = newOrganization();
        String id = org.live()
                .post("/v1/staff", invitation("audited@clinic.example", "read_only"))
                .data()
                .get("staff")
                .get("id")
                .stringValue();

        assertThat(org.live()
                        .patch("/v1/staff/" + id, Map.of("role", "front_desk"))
                        .status())
                .isEqualTo(200);
        assertThat(org.live().delete("/v1/staff/" + id).data().get("status").stringValue())
                .isEqualTo("removed");

        var actions = org.live()
                .get("/v1/audit-events?resource_type=staff&resource_id=" + id)
                .data();
        assertThat(actions.valueStream().map(a -> a.get("action").stringValue()))
                .containsExactly("create", "update", "delete");
        assertThat(org.live().get("/v1/staff/" + id).status()).isEqualTo(404);
    }

    @Test
    void theLastOwnerCannotBeRemovedNorDemotedNorDisabled() {
        var org = newOrganization();
        String owner = activeMember(org, "only-owner@clinic.example", "owner");

        var demoted = org.live().patch("/v1/staff/" + owner, Map.of("role", "read_only"));
        var disabled = org.live().patch("/v1/staff/" + owner, Map.of("status", "disabled"));
        var removed = org.live().delete("/v1/staff/" + owner);

        for (var refused : java.util.List.of(demoted, disabled, removed)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.reason()).isEqualTo("last_owner");
        }
        String second = activeMember(org, "second-owner@clinic.example", "owner");
        assertThat(org.live()
                        .patch("/v1/staff/" + owner, Map.of("role", "read_only"))
                        .status())
                .isEqualTo(200);
        assertThat(org.live().delete("/v1/staff/" + second).reason()).isEqualTo("last_owner");
    }

    @Test
    void disablingEndsEverySessionAtOnceAndEnablingLetsThemSignInAgain() {
        var org = newOrganization();
        Clinic.inTestMode(org, "Europe/London");
        String id = activeMember(org, "leaver@clinic.example", "front_desk");
        var session = new ConsoleSession();
        session.signIn(base, "leaver@clinic.example", PASSWORD);
        assertThat(session.get(base, "/console/test/day").statusCode()).isEqualTo(200);

        assertThat(org.live()
                        .patch("/v1/staff/" + id, Map.of("status", "disabled"))
                        .data()
                        .get("status")
                        .stringValue())
                .isEqualTo("disabled");

        assertThat(ConsoleSession.location(session.get(base, "/console/test/day")))
                .contains("/console/login");
        assertThat(ConsoleSession.location(new ConsoleSession().signIn(base, "leaver@clinic.example", PASSWORD)))
                .doesNotEndWith("?failed");
        var again = new ConsoleSession();
        again.signIn(base, "leaver@clinic.example", PASSWORD);
        assertThat(ConsoleSession.location(again.get(base, "/console/test/day")))
                .endsWith("/console/login?no-access");

        org.live().patch("/v1/staff/" + id, Map.of("status", "active"));
        var back = new ConsoleSession();
        back.signIn(base, "leaver@clinic.example", PASSWORD);
        assertThat(back.get(base, "/console/test/day").statusCode()).isEqualTo(200);
    }

    @Test
    void aRoleChangeCountsOnTheNextRequestOfAnOpenSession() {
        var org = newOrganization();
        Clinic.inTestMode(org, "Europe/London");
        String id = activeMember(org, "promoted@clinic.example", "read_only");
        var session = new ConsoleSession();
        session.signIn(base, "promoted@clinic.example", PASSWORD);
        assertThat(session.get(base, "/console/test/book").statusCode()).isEqualTo(403);

        org.live().patch("/v1/staff/" + id, Map.of("role", "front_desk"));

        assertThat(session.get(base, "/console/test/book").statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressOnAnotherClinicsStaffIsInvitedLikeAnyOtherAndKeepsOneSignIn() {
        var first = newOrganization();
        var second = newOrganization();
        Clinic.inTestMode(first, "Europe/London");
        Clinic.inTestMode(second, "Europe/London");
        activeMember(first, "shared@clinic.example", "front_desk");

        var invited = second.live().post("/v1/staff", invitation("shared@clinic.example", "read_only"));
        var fresh = second.live().post("/v1/staff", invitation("fresh@clinic.example", "read_only"));

        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.data().get("staff").get("status").stringValue())
                .isEqualTo(fresh.data().get("staff").get("status").stringValue());
        assertThat(invited.data().get("staff").get("name").stringValue()).isEqualTo("Sam Desk");
        assertThat(invited.data().propertyNames()).isEqualTo(fresh.data().propertyNames());
        // The link's holder cannot set the existing account's password: a wrong one is answered alike and changes
        // nothing.
        String path = invited.data().get("invitation_path").stringValue();
        assertThat(ConsoleSession.location(new ConsoleSession().accept(base, path, "someone else's guess")))
                .endsWith("?welcome");
        assertThat(ConsoleSession.location(
                        new ConsoleSession().signIn(base, "shared@clinic.example", "someone else's guess")))
                .endsWith("?failed");

        assertThat(ConsoleSession.location(new ConsoleSession().accept(base, path, PASSWORD)))
                .endsWith("?welcome");
        var session = new ConsoleSession();
        session.signIn(base, "shared@clinic.example", PASSWORD);
        String secondId = invited.data().get("staff").get("id").stringValue();
        assertThat(session.get(base, "/console/test/day").body())
                .as("the day page offers the person's other clinic")
                .contains("name=\"staff_id\"", "value=\"" + secondId + "\"");
        session.postWithToken(base, "/console/test/day", "/console/switch", "staff_id=" + secondId);
        assertThat(session.get(base, "/console/test/book").statusCode()).isEqualTo(403);
        assertThat(second.live()
                        .get("/v1/staff/" + secondId)
                        .data()
                        .get("status")
                        .stringValue())
                .isEqualTo("active");
    }

    /** A member of staff who accepted the invitation with {@link #PASSWORD}; their staff id. */
    private String activeMember(Org org, String email, String role) {
        var invited = org.live().post("/v1/staff", invitation(email, role));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        new ConsoleSession().accept(base, invited.data().get("invitation_path").stringValue(), PASSWORD);
        return invited.data().get("staff").get("id").stringValue();
    }

    private static Map<String, String> invitation(String email, String role) {
        return Map.of("email", email, "name", "Sam Desk", "role", role);
    }
}
