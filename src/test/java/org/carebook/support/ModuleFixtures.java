package org.carebook.support;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.carebook.database.TestDatabases;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Change;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Records;
import org.carebook.kernel.Scope;
import org.carebook.kernel.Tenant;
import org.carebook.organization.OrganizationDraft;
import org.carebook.organization.Organizations;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What a module test (one module and those it may use, no HTTP) needs: a database, a clock, a clinic, a caller. */
public final class ModuleFixtures {

    private ModuleFixtures() {}

    /** A database of its own, configured as Spring Boot's own DataSource (the database module is not there). */
    public static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.newJdbcDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    /**
     * A database of its own for a module that uses the database module: given to it as {@code DATABASE_URL},
     * as a server is, so the module's own DataSource and clock are the ones tested.
     */
    public static void databaseModule(DynamicPropertyRegistry registry) {
        String url = TestDatabases.newDatabase();
        registry.add("DATABASE_URL", () -> url);
    }

    /**
     * A clock as the database module's: in microseconds, PostgreSQL's precision, so that what a facade answers
     * from memory is what a later read of the row gives.
     */
    @TestConfiguration
    public static class Time {
        @Bean
        Clock clock() {
            return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
        }
    }

    /** A change giving only {@code fields} of a draft, as a request body naming just those would. */
    public static <D extends Record> Change<D> change(Class<D> draft, Map<String, Object> fields) {
        var values = Arrays.stream(draft.getRecordComponents())
                .map(component -> fields.get(component.getName()))
                .toArray();
        return new Change<>(Records.make(draft, values), fields.keySet());
    }

    /** A new organization in London, as the admin API would make it. */
    public static Tenant clinic(Organizations organizations) {
        var created = organizations.create(
                change(
                        OrganizationDraft.class,
                        Map.of(
                                "name", "Module clinic " + System.nanoTime(),
                                "timezone", "Europe/London",
                                "country", "GB",
                                "currency", "GBP")),
                new Problems());
        return new Tenant(created.organization().id(), Mode.LIVE);
    }

    /** A secret key of the tenant holding every scope. */
    public static Caller secretKey(Tenant tenant) {
        return new Caller(
                "key_module", KeyKind.SECRET, tenant, EnumSet.allOf(Scope.class), List.of(), "req_module", "127.0.0.1");
    }
}
