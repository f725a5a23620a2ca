package org.carebook.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.carebook.kernel.Address;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.carebook.organization.Organizations;
import org.carebook.support.ModuleFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalogue module on its own, with only the modules it may use: no HTTP, no booking, no console. Its facades
 * keep their rules over a real PostgreSQL.
 */
@Tag("integration")
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(ModuleFixtures.Time.class)
class CatalogModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleFixtures.database(registry);
    }

    @Autowired
    Locations locations;

    @Autowired
    Organizations organizations;

    @Autowired
    ApplicationContext context;

    @Test
    void aLocationIsKeptWithItsRoomsAndDeactivatedRatherThanDeleted() {
        var tenant = clinic();
        var made = locations.create(tenant, Change.whole(location("Harley Street", "Europe/London")), new Problems());
        locations.addRoom(tenant, made.id(), "Room 1");

        var deactivated = locations.deactivate(tenant, made.id());

        assertThat(deactivated.isActive()).isFalse();
        assertThat(locations.get(tenant, made.id()).rooms())
                .extracting(LocationView.RoomView::name)
                .containsExactly("Room 1");
    }

    @Test
    void aLocationInAZoneThatDoesNotExistIsRefusedAndNothingIsStored() {
        var tenant = clinic();
        var problems = new Problems();

        assertThatThrownBy(
                        () -> locations.create(tenant, Change.whole(location("Nowhere", "Europe/Atlantis")), problems))
                .isInstanceOfSatisfying(
                        CarebookException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThat(locations
                        .list(tenant, null, org.carebook.kernel.PageRequest.of(null, null))
                        .data())
                .isEmpty();
    }

    @Test
    void theModuleStartsWithoutTheModulesThatUseIt() {
        assertThat(context.getBeanNamesForType(Locations.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(org.carebook.booking.Appointments.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.carebook.patient.Patients.class))
                .isEmpty();
    }

    private Tenant clinic() {
        return ModuleFixtures.clinic(organizations);
    }

    private static LocationDraft location(String name, String zone) {
        return new LocationDraft(name, zone, Address.EMPTY, null, Map.of());
    }
}
