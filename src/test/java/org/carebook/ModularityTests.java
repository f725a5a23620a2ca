package org.carebook;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesOnlyDependOnEachOthersPublicApi() {
        ApplicationModules.of(CarebookApplication.class).verify();
    }
}
