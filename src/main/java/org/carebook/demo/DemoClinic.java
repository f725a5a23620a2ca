package org.carebook.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carebook.catalog.AppointmentTypeDraft;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.ClinicianDraft;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.Hours;
import org.carebook.catalog.LocationDraft;
import org.carebook.catalog.Locations;
import org.carebook.catalog.ScheduleDraft;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Address;
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

/** A London clinic with rooms, three clinicians, four services and weekday hours, in test mode. */
@Service
public class DemoClinic {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final List<String> WEEKDAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday");

    private final Organizations organizations;
    private final ApiKeys apiKeys;
    private final Locations locations;
    private final Clinicians clinicians;
    private final AppointmentTypes types;
    private final Schedules schedules;
    private final StaffAccounts staff;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoClinic(
            Organizations organizations,
            ApiKeys apiKeys,
            Locations locations,
            Clinicians clinicians,
            AppointmentTypes types,
            Schedules schedules,
            StaffAccounts staff,
            JdbcClient jdbc,
            Clock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.locations = locations;
        this.clinicians = clinicians;
        this.types = types;
        this.schedules = schedules;
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
                        3)),
                new Problems());
        var tenant = new Tenant(created.organization().id(), Mode.TEST);
        var widgetKey = apiKeys.createPublishableKey(tenant, "Demo widget", widgetOrigins);
        seedCatalogue(tenant);
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

    private void seedCatalogue(Tenant tenant) {
        var location = locations.create(
                tenant,
                Change.whole(new LocationDraft(
                        "London Bridge Clinic",
                        "Europe/London",
                        new Address("12 Tooley Street", null, "London", "SE1 2SY", "GB"),
                        "+442079460000",
                        Map.of())),
                new Problems());
        for (String room : List.of("Room 1", "Room 2", "Treatment room")) {
            locations.addRoom(tenant, location.id(), room);
        }
        var clinicianIds = List.of(
                clinician(tenant, "Dr Amara Okafor", "Dr", "General practice"),
                clinician(tenant, "Dr Tomás Silva", "Dr", "General practice"),
                clinician(tenant, "Priya Raman", "MCSP", "Physiotherapy"));
        var gp = type(tenant, "General consultation", 20, "65.00", List.of("in_person"), false, 0);
        var physio = type(tenant, "Physiotherapy session", 45, "80.00", List.of("in_person"), true, 5);
        var video = type(tenant, "Video consultation", 15, "45.00", List.of("remote"), false, 0);
        var review = type(tenant, "Medication review", 30, "55.00", List.of("in_person", "remote"), false, 0);
        var hours = WEEKDAYS.stream()
                .flatMap(day -> List.of(new Hours(day, "09:00", "12:30"), new Hours(day, "13:30", "17:00")).stream())
                .toList();
        schedule(tenant, clinicianIds.get(0), location.id(), false, hours, List.of(gp, review));
        schedule(tenant, clinicianIds.get(1), location.id(), false, hours, List.of(gp, review));
        schedule(tenant, clinicianIds.get(2), location.id(), false, hours, List.of(physio));
        var evenings =
                WEEKDAYS.stream().map(day -> new Hours(day, "17:30", "19:30")).toList();
        schedule(tenant, clinicianIds.get(1), null, true, evenings, List.of(video, review));
    }

    private String clinician(Tenant tenant, String name, String title, String specialty) {
        return clinicians
                .create(
                        tenant,
                        Change.whole(new ClinicianDraft(
                                name, title, specialty, null, null, true, "Europe/London", Map.of())),
                        new Problems())
                .id();
    }

    private String type(
            Tenant tenant, String name, int minutes, String price, List<String> modes, boolean room, int bufferAfter) {
        return types.create(
                        tenant,
                        Change.whole(new AppointmentTypeDraft(
                                name,
                                null,
                                minutes,
                                new BigDecimal(price),
                                "GBP",
                                true,
                                true,
                                modes,
                                0,
                                bufferAfter,
                                60,
                                90,
                                minutes,
                                room,
                                List.of(),
                                null,
                                null,
                                null)),
                        new Problems())
                .id();
    }

    private void schedule(
            Tenant tenant,
            String clinicianId,
            String locationId,
            boolean remote,
            List<Hours> hours,
            List<String> typeIds) {
        schedules.create(
                tenant,
                Change.whole(new ScheduleDraft(
                        clinicianId, locationId, remote, "Europe/London", hours, null, null, typeIds, List.of(), true)),
                new Problems());
    }
}
