package org.carebook.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carebook.CarebookApplication;
import org.carebook.database.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests over real HTTP against the real server on a real (embedded) PostgreSQL. Each test makes its own
 * organizations, so tests share one server without seeing each other's data.
 */
@Tag("integration")
@SpringBootTest(
        classes = CarebookApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "carebook.data-dir=target/test-data/${random.uuid}",
            "carebook.admin-token=" + ApiTest.ADMIN_TOKEN,
            "carebook.demo=false",
            "carebook.rate-limit-per-second=100000",
            "carebook.rate-limit-per-ip-per-second=100000",
            "carebook.auth-failures-per-minute=100000",
            "carebook.public-url=http://localhost:${server.port}",
            "carebook.webhooks-allow-private=true",
            "carebook.credentials-key=dGVzdHMtb25seS1jcmVkZW50aWFscy1rZXktMzJieXQ=",
            "carebook.calendar-poll=PT1S"
        })
public abstract class ApiTest {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    /**
     * Each server a test starts listens on a free port chosen for it, and that is its public address
     * ({@code CAREBOOK_PUBLIC_URL}, unless a test names another), so the absolute links it writes (FHIR pages,
     * manifests) lead back to it. Each has a database of its own, in the one PostgreSQL of the test JVM.
     */
    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        int port = freePortBelowTheEphemeralRange();
        registry.add("server.port", () -> port);
        String database = TestDatabases.newDatabase();
        registry.add("DATABASE_URL", () -> database);
    }

    /**
     * A port nothing listens on, below the range (32768 and up) the kernel hands out for outgoing connections and
     * for port 0, where the databases and other servers of the tests listen: so nothing takes it between this
     * check and the server's start.
     */
    private static int freePortBelowTheEphemeralRange() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            try (var socket = new java.net.ServerSocket(port)) {
                return port;
            } catch (java.io.IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected String base;

    @BeforeEach
    void setBase() {
        base = "http://localhost:" + port;
    }

    protected Api admin() {
        return new Api(base, ADMIN_TOKEN);
    }

    protected Api anonymous() {
        return new Api(base, null);
    }

    protected Api as(String key) {
        return new Api(base, key);
    }

    /** A new organization through the admin API, with its four keys. */
    protected Org newOrganization() {
        return organization(admin(), "Clinic " + System.nanoTime());
    }

    /** A new organization (London, GB, GBP) through the admin API of any server, with its four keys. */
    public static Org organization(Api admin, String name) {
        var created = admin.post(
                "/admin/v1/organizations",
                Map.of("name", name, "timezone", "Europe/London", "country", "GB", "currency", "GBP"));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create an organization: " + created);
        }
        var keys = new LinkedHashMap<String, String>();
        created.data()
                .get("api_keys")
                .forEach(k -> keys.put(
                        k.get("type").stringValue() + "/" + k.get("mode").stringValue(),
                        k.get("key").stringValue()));
        String base = admin.base();
        return new Org(
                created.id(),
                new Api(base, keys.get("secret/live")),
                new Api(base, keys.get("publishable/live")),
                new Api(base, keys.get("secret/test")),
                new Api(base, keys.get("publishable/test")),
                keys.get("publishable/live"));
    }

    /** A key of {@code org} (live mode) holding only the given scopes. */
    protected Api keyWithScopes(Org org, String... scopes) {
        var created =
                org.live().post("/v1/api-keys", Map.of("name", "limited", "type", "secret", "scopes", List.of(scopes)));
        return as(created.data().get("key").stringValue());
    }

    public record Org(String id, Api live, Api publishable, Api test, Api publishableTest, String publishableKey) {}
}
