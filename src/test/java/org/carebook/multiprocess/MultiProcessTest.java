package org.carebook.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.carebook.database.SharedPostgres;
import org.carebook.support.Api;
import org.carebook.support.ApiTest;
import org.carebook.support.Clinic;
import org.carebook.support.ConsoleSession;
import org.carebook.support.Eventually;
import org.carebook.support.Fixtures;
import org.carebook.support.Race;
import org.carebook.support.Receiver;
import org.carebook.support.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three server processes on one PostgreSQL, as behind a load balancer: every guarantee has to hold when
 * requests for the same slot, key or event land on different processes.
 */
@Tag("integration")
class MultiProcessTest {

    private static final int PROCESSES = 3;
    private static final String TEN = "2027-01-12T10:00:00Z";

    private static SharedPostgres postgres;
    private static final List<ServerProcess> servers = new ArrayList<>();
    private static ApiTest.Org org;
    private static List<Api> live;
    private static List<Api> test;

    @BeforeAll
    static void startThreeServers() throws Exception {
        Path data = Path.of("target", "multi-process", UUID.randomUUID().toString());
        Files.createDirectories(data);
        postgres = SharedPostgres.start(data.resolve("postgres"));
        var starting = Executors.newFixedThreadPool(PROCESSES);
        var started = new ArrayList<java.util.concurrent.Future<ServerProcess>>();
        for (int i = 0; i < PROCESSES; i++) {
            var server = new ServerProcess(
                    data.resolve("unused-" + i),
                    "DATABASE_URL=" + postgres.databaseUrl(),
                    "carebook.hold-ttl=PT3S",
                    "carebook.hold-sweep=PT0S",
                    "carebook.webhook-poll=PT0.2S",
                    "carebook.webhook-first-retry=PT0.5S",
                    "carebook.database-pool-size=8",
                    "carebook.rate-limit-per-second=100000",
                    "carebook.rate-limit-per-ip-per-second=100000",
                    // the load balancer is on loopback: a test names a client's address with X-Forwarded-For
                    "carebook.trusted-proxies=127.0.0.0/8",
                    // an external database is a real deployment: test-mode webhooks reach loopback only when allowed
                    "carebook.webhooks-allow-private=true");
            servers.add(server);
            Path log = data.resolve("server-" + i + ".log");
            started.add(starting.submit(() -> server.start(log)));
        }
        for (var future : started) {
            future.get();
        }
        starting.shutdown();
        org = ApiTest.organization(new Api(servers.get(0).base(), ApiTest.ADMIN_TOKEN), "Three processes");
        live = servers.stream().map(s -> new Api(s.base(), org.live().key())).toList();
        test = servers.stream().map(s -> new Api(s.base(), org.test().key())).toList();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (var server : servers) {
            server.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aConsoleSessionMadeOnOneProcessWorksOnTheOthersUntilSignedOut() {
        live.get(0).post("/v1/locations", Fixtures.location("timezone", "Europe/London"));
        String base0 = servers.get(0).base();
        String password = "three processes, one session";
        var browser = new ConsoleSession();
        browser.accept(base0, ConsoleSession.invite(org, "everywhere@clinic.example", "read_only"), password);

        assertThat(ConsoleSession.location(browser.signIn(base0, "everywhere@clinic.example", password)))
                .endsWith("/console");
        for (var server : servers) {
            assertThat(browser.get(server.base(), "/console/day").statusCode()).isEqualTo(200);
        }
        browser.signOut(servers.get(2).base(), "/console/day");
        assertThat(ConsoleSession.location(browser.get(servers.get(1).base(), "/console/day")))
                .endsWith("/console/login");
    }

    @Test
    void disablingStaffThroughOneProcessEndsTheirSessionOnTheOthersWithinTwoSeconds() throws Exception {
        String base0 = servers.get(0).base();
        String password = "about to leave the clinic";
        var invited = live.get(0)
                .post("/v1/staff", Map.of("email", "leaver@clinic.example", "name", "Leaver", "role", "read_only"));
        var browser = new ConsoleSession();
        browser.accept(base0, invited.data().get("invitation_path").stringValue(), password);
        browser.signIn(base0, "leaver@clinic.example", password);
        assertThat(ConsoleSession.location(browser.get(servers.get(1).base(), "/console/test/day")))
                .doesNotContain("/console/login");

        var disabled = live.get(2)
                .patch(
                        "/v1/staff/" + invited.data().get("staff").get("id").stringValue(),
                        Map.of("status", "disabled"));
        assertThat(disabled.status()).isEqualTo(200);
        long disabledAt = System.nanoTime();

        Eventually.first(
                () -> List.of(ConsoleSession.location(browser.get(servers.get(1).base(), "/console/test/day"))),
                where -> where.contains("/console/login"),
                Duration.ofSeconds(2),
                "sign-in page for the disabled member of staff");
        assertThat(Duration.ofNanos(System.nanoTime() - disabledAt)).isLessThan(Duration.ofSeconds(2));
    }

    /** A client guessing keys, told apart from the tests' own address through the loopback load balancer. */
    private static final String GUESSER = "203.0.113.99";

    /** The limit of failed attempts per address is counted once, in the database, however many processes answer. */
    @Test
    void anAddressGuessingKeysIsCutOffAcrossEveryProcess() {
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 30; i++) {
            statuses.add(new Api(servers.get(i % PROCESSES).base(), "sk_live_guess" + i)
                    .with("X-Forwarded-For", GUESSER)
                    .get("/v1/organization")
                    .status());
        }

        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.subList(20, 30))
                .as("after 20 failures in all, not 20 per process")
                .containsOnly(429);
        assertThat(live.get(1)
                        .with("X-Forwarded-For", GUESSER)
                        .get("/v1/organization")
                        .status())
                .as("the right key from that address is refused for now too")
                .isEqualTo(429);
    }

    /**
     * Process 0 answers from its cache (ADR 0013); each booking goes through process 1 and the very next
     * question to process 0 must already leave its time out: no message between them is waited for.
     */
    @Test
    void anAnswerCachedOnOneProcessNeverOutlivesABookingMadeOnAnother() {
        var clinic = Clinic.in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Cy");
        clinic.everyDay(doctor, "08:00", "18:00");
        String type = clinic.type();
        for (int round = 0; round < 10; round++) {
            var offered = clinic.starts(type, "2027-02-03", "2027-02-03", "clinician_id=" + doctor);
            assertThat(clinic.starts(type, "2027-02-03", "2027-02-03", "clinician_id=" + doctor))
                    .isEqualTo(offered);
            String start = offered.get(round % offered.size());
            var booked = live.get(1)
                    .post(
                            "/v1/appointments",
                            Map.of(
                                    "appointment_type_id", type,
                                    "clinician_id", doctor,
                                    "location_id", clinic.locationId,
                                    "patient_id", clinic.patient(),
                                    "start_time", start));
            Clinic.expect(booked, 201);

            assertThat(clinic.starts(type, "2027-02-03", "2027-02-03", "clinician_id=" + doctor))
                    .as("round %d: process 0 right after the booking on process 1", round)
                    .doesNotContain(start);
        }
    }

    @Test
    void holdsOnOneSlotThroughThreeProcessesGiveOneHold() {
        var clinic = Clinic.in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Ada");
        clinic.everyDay(doctor, "09:00", "12:00");
        String type = clinic.type();
        for (int round = 0; round < 3; round++) {
            String start = "2027-01-1" + (2 + round) + "T10:00:00Z";
            var results = Race.run(30, i -> clinic.hold(live.get(i % PROCESSES), type, doctor, start));

            assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(results).filteredOn(r -> r.status() != 201).allMatch(r -> r.status() == 409);
        }
    }

    @Test
    void appointmentsOnOneSlotThroughThreeProcessesGiveOne() {
        var clinic = Clinic.in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Bo");
        String type = clinic.type();
        var patients = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            patients.add(clinic.patient("first_name", "Patient" + i));
        }

        var results = Race.run(
                30,
                i -> live.get(i % PROCESSES)
                        .post(
                                "/v1/appointments",
                                Map.of(
                                        "appointment_type_id",
                                        type,
                                        "clinician_id",
                                        doctor,
                                        "location_id",
                                        clinic.locationId,
                                        "patient_id",
                                        patients.get(i),
                                        "start_time",
                                        TEN)));

        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(live.get(1).get("/v1/appointments?clinician_id=" + doctor).data())
                .hasSize(1);
    }

    @Test
    void oneIdempotencyKeyAcrossProcessesMakesOneAppointment() {
        var clinic = Clinic.in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Cy");
        String type = clinic.type();
        String patient = clinic.patient();
        var body = Map.of(
                "appointment_type_id",
                type,
                "clinician_id",
                doctor,
                "location_id",
                clinic.locationId,
                "patient_id",
                patient,
                "start_time",
                TEN);
        String key = "book-" + UUID.randomUUID();

        var results = Race.run(
                30, i -> live.get(i % PROCESSES).with("Idempotency-Key", key).post("/v1/appointments", body));

        assertThat(results)
                .allMatch(r ->
                        r.status() == 201 || (r.status() == 409 && r.reason().equals("idempotency_key_in_use")));
        assertThat(results)
                .filteredOn(r -> r.status() == 201)
                .extracting(Api.Response::id)
                .hasSizeGreaterThan(0)
                .containsOnly(results.stream()
                        .filter(r -> r.status() == 201)
                        .findFirst()
                        .orElseThrow()
                        .id());
        assertThat(live.get(2).get("/v1/appointments?clinician_id=" + doctor).data())
                .hasSize(1);
    }

    @Test
    void aHoldThatExpiredOnOneProcessFreesTheSlotForAnother() throws Exception {
        var clinic = Clinic.in(org, "Europe/London");
        String doctor = clinic.clinician("Dr Di");
        clinic.everyDay(doctor, "09:00", "12:00");
        String type = clinic.type();
        String hold =
                Clinic.expect(clinic.hold(live.get(0), type, doctor, TEN), 201).id();
        assertThat(clinic.hold(live.get(1), type, doctor, TEN).status()).isEqualTo(409);

        Eventually.until(
                () -> "expired"
                        .equals(live.get(2)
                                .get("/v1/holds/" + hold)
                                .data()
                                .get("status")
                                .stringValue()),
                Duration.ofSeconds(10),
                "expired");

        assertThat(live.get(2)
                        .post(
                                "/v1/appointments",
                                Map.of(
                                        "appointment_type_id",
                                        type,
                                        "clinician_id",
                                        doctor,
                                        "location_id",
                                        clinic.locationId,
                                        "patient_id",
                                        clinic.patient(),
                                        "start_time",
                                        TEN))
                        .status())
                .isEqualTo(201);
        assertThat(live.get(0)
                        .post("/v1/holds/" + hold + "/confirm", Map.of("patient_id", clinic.patient()))
                        .reason())
                .isEqualTo("hold_expired");
    }

    @Test
    void everyEventIsDeliveredOnceWhicheverProcessRecordedIt() throws Exception {
        try (var receiver = new Receiver()) {
            Clinic.expect(
                    test.get(0)
                            .post(
                                    "/v1/webhook-endpoints",
                                    Map.of("url", receiver.url(), "events", List.of("patient.created"))),
                    201);
            var ids = new ArrayList<String>();
            for (int i = 0; i < 30; i++) {
                ids.add(Clinic.expect(
                                test.get(i % PROCESSES)
                                        .post("/v1/patients", Fixtures.patient("first_name", "Webhook" + i)),
                                201)
                        .id());
            }

            var received = receiver.await(30, Duration.ofSeconds(30));
            Thread.sleep(1_000);
            received.addAll(receiver.await(10, Duration.ofMillis(200)));

            var byEvent = new HashMap<String, Integer>();
            received.forEach(r -> byEvent.merge(r.header("webhook-id"), 1, Integer::sum));
            assertThat(byEvent).hasSize(30);
            assertThat(byEvent.values()).as("each event sent once").containsOnly(1);
        }
    }
}
