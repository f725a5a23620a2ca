package org.carebook.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.carebook.kernel.Problems;
import org.carebook.organization.Organizations;
import org.carebook.support.ModuleFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The patient module with only the modules it may use (audit, events, organization): its rules, no HTTP. */
@Tag("integration")
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(ModuleFixtures.Time.class)
class PatientModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleFixtures.database(registry);
    }

    @Autowired
    Patients patients;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMisspeltNameInEitherOrderFindsThePatientAndTheSearchIsAudited() {
        var caller = ModuleFixtures.secretKey(ModuleFixtures.clinic(organizations));
        var grace = patients.create(caller, patient("Grace", "Hopper", "grace@example.org"), new Problems());

        var found = patients.search(caller, "Hoper Grase", 5).data();

        assertThat(found).extracting(PatientView::id).containsExactly(grace.id());
        assertThat(jdbc.sql("SELECT action FROM audit_events WHERE resource_id = :id ORDER BY occurred_at")
                        .param("id", grace.id())
                        .query(String.class)
                        .list())
                .containsExactly("create", "search");
    }

    @Test
    void theEventOfANewPatientNamesFieldsAndNoValues() {
        var caller = ModuleFixtures.secretKey(ModuleFixtures.clinic(organizations));
        var ada = patients.create(caller, patient("Ada", "Lovelace", "ada@example.org"), new Problems());

        String object = jdbc.sql(
                        "SELECT object::text FROM events WHERE type = 'patient.created' AND object->>'id' = :id")
                .param("id", ada.id())
                .query(String.class)
                .single();

        assertThat(object).contains("first_name", "email").doesNotContain("Ada", "Lovelace", "ada@example.org");
    }

    private static PatientDraft patient(String first, String last, String email) {
        return new PatientDraft(first, last, LocalDate.of(1906, 12, 9), email, null, null, null, null, Map.of(), null);
    }
}
