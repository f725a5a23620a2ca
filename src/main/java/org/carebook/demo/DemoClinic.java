package org.carebook.demo;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Change;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Sql;
import org.carebook.kernel.Tenant;
import org.carebook.organization.ApiKeyView;
import org.carebook.organization.ApiKeys;
import org.carebook.organization.OrganizationDraft;
import org.carebook.organization.Organizations;
import org.carebook.staff.InviteStaff;
import org.carebook.staff.StaffAccounts;
import org.carebook.staff.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A London clinic in test mode, with its keys, console accounts and catalogue ({@link DemoCatalogue}). */
@Service
public class DemoClinic {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Organizations organizations;
    private final ApiKeys apiKeys;
    private final DemoCatalogue catalogue;
    private final StaffAccounts staff;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoClinic(
            Organizations organizations,
            ApiKeys apiKeys,
            DemoCatalogue catalogue,
            StaffAccounts staff,
            JdbcClient jdbc,
            Clock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.catalogue = catalogue;
        this.staff = staff;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The demo's publishable test key, once seeded. */
    public Optional<String> publishableKey() {
        return jdbc.sql("SELECT publishable_test_key FROM demo_clinic LIMIT 1")
                .query(String.class)
                .optional();
    }

    /** What seeding made, shown once: the test-mode keys and the console accounts with their passwords. */
    public record Seeded(List<ApiKeyView> keys, List<Account> accounts) {}

    public record Account(String email, String password, StaffRole role) {}

    /** Seeds the clinic unless it exists; returns its keys and accounts when it was created now. */
    @Transactional
    public Optional<Seeded> seedOnce(List<String> widgetOrigins) {
        jdbc.sql("LOCK TABLE demo_clinic IN EXCLUSIVE MODE").update();
        if (publishableKey().isPresent()) {
            return Optional.empty();
        }
        var created = organizations.create(
                Change.whole(new OrganizationDraft(
                        "Carebook Demo Clinic",
                        "Europe/London",
                        "GB",
                        "GBP",
                        null,
                        List.of(24),
                        null,
                        "+44 20 7946 0000",
                        24,
                        24,
                        2,
                        3,
                        false,
                        48,
                        30,
                        false)),
                new Problems());
        var tenant = new Tenant(created.organization().id(), Mode.TEST);
        var widgetKey = apiKeys.createPublishableKey(tenant, "Demo widget", widgetOrigins);
        catalogue.seed(tenant);
        jdbc.sql(
                        "INSERT INTO demo_clinic (organization_id, publishable_test_key, created_at) VALUES (:org, :key, :now)")
                .param("org", tenant.organizationId())
                .param("key", widgetKey.key())
                .param("now", Sql.at(clock.instant()))
                .update();
        var keys = new java.util.ArrayList<>(
                created.apiKeys().stream().filter(k -> "test".equals(k.mode())).toList());
        keys.add(widgetKey);
        return Optional.of(new Seeded(keys, accounts(tenant.organizationId())));
    }

    /** An owner and a front-desk account with random passwords. */
    private List<Account> accounts(String organizationId) {
        var accounts = List.of(
                new Account("owner@demo-clinic.example", randomPassword(), StaffRole.OWNER),
                new Account("desk@demo-clinic.example", randomPassword(), StaffRole.FRONT_DESK));
        accounts.forEach(a -> staff.create(
                organizationId,
                new InviteStaff(
                        a.email(), a.role() == StaffRole.OWNER ? "Demo owner" : "Demo front desk", a.role(), null),
                a.password()));
        return accounts;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
