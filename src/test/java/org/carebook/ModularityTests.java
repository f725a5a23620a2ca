package org.carebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(CarebookApplication.class);

    /** Each module uses only the modules its package-info allows, and only their public types; no cycles. */
    @Test
    void modulesOnlyDependOnEachOthersPublicApi() {
        MODULES.verify();
    }

    /**
     * The module graph in docs/architecture.md is the one the code has. Spring Modulith's Documenter also
     * writes PlantUML diagrams and a canvas per module to {@code target/spring-modulith-docs}; the graph in
     * the document is Mermaid, which renders where the documentation is read.
     */
    @Test
    void theArchitectureDocumentShowsTheModuleGraphTheCodeHas() throws IOException {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        String graph = mermaid();
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("module-graph.md"), graph);

        assertThat(Files.readString(Path.of("docs/architecture.md")))
                .as("docs/architecture.md should hold this graph (also written to target/module-graph.md)")
                .contains(graph);
    }

    private static String mermaid() {
        String edges = MODULES.stream()
                .sorted(java.util.Comparator.comparing(ModularityTests::name))
                .flatMap(module -> module.getDirectDependencies(MODULES)
                        .uniqueModules()
                        .map(ModularityTests::name)
                        .sorted()
                        .map(target -> "    " + name(module) + " --> " + target))
                .collect(Collectors.joining("\n"));
        return "```mermaid\nflowchart LR\n" + edges + "\n```\n";
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
