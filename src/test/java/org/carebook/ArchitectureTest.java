package org.carebook;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.carebook.api.BodyReader;
import org.carebook.api.RequestSchema;
import org.carebook.kernel.WireNames;
import org.carebook.support.StringConstants;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules of the code's shape that no compiler checks. Modules and their allowed dependencies are
 * checked by {@link ModularityTests}; these are the rules inside and across them.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.carebook");

    @Test
    void viewsCarryStatesAsEnumsNotStrings() {
        ArchRule rule = noFields()
                .that()
                .haveName("status")
                .and()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("View")
                .should()
                .haveRawType(String.class)
                .because("a state is compared as a type the compiler checks; its wire name is Jackson's business");
        rule.check(MAIN);
    }

    /** The record the OpenAPI document shows for a body is the one the reader reads it into, limits and all. */
    @Test
    void everyDocumentedRequestBodyCanBeRead() {
        var documented = MAIN.stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(RequestSchema.class))
                .map(method -> method.getAnnotationOfType(RequestSchema.class).value())
                .distinct()
                .toList();

        assertThat(documented).hasSizeGreaterThan(20);
        documented.forEach(BodyReader::checkReadable);
    }

    /**
     * The domain names a field as its records do ({@code slotIntervalMinutes}); {@code kernel.WireNames} spells it
     * for the wire. Controllers, request records, SQL (whose column names often match) and JSON writers are the
     * edge and may spell wire names; problems' messages may still mention another field by its wire name.
     */
    @Test
    void noDomainClassNamesAFieldAsTheWireSpellsIt() {
        Set<String> wireNames = new TreeSet<>();
        MAIN.stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(RequestSchema.class))
                .forEach(method -> collectWireNames(
                        method.getAnnotationOfType(RequestSchema.class).value(), wireNames));
        wireNames.removeIf(name -> !name.contains("_"));
        assertThat(wireNames).contains("slot_interval_minutes", "date_of_birth", "insurance.member_id");

        var spelled = new TreeMap<String, Set<String>>();
        MAIN.stream().filter(ArchitectureTest::isDomain).forEach(type -> {
            var hits = StringConstants.of(type.reflect()).stream()
                    .filter(text -> wireNames.stream().anyMatch(name -> spells(text, name)))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!hits.isEmpty()) {
                spelled.put(type.getName(), hits);
            }
        });
        assertThat(spelled)
                .as("domain classes that spell fields as the wire does")
                .isEmpty();
    }

    /** Facades and the domain's values take typed commands; reading JSON is the controllers' and the reader's. */
    @Test
    void theDomainDoesNotReadJson() {
        ArchRule rule = noClasses()
                .that(DescribedPredicate.describe("are domain classes", ArchitectureTest::isDomain))
                .and()
                .resideOutsideOfPackage("org.carebook.events..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("tools.jackson.databind.JsonNode")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("tools.jackson.core.JsonParser")
                .because("the events module stores payloads as JSON; every other module gets records");
        rule.check(MAIN);
    }

    private static final Set<String> EDGE_PACKAGES = Set.of(
            "org.carebook.api",
            "org.carebook.web",
            "org.carebook.console",
            "org.carebook.fhir",
            "org.carebook.database",
            "org.carebook.demo",
            "org.carebook");

    /** A class of a feature module that is not its edge: no controller, request record, SQL or JSON writer. */
    private static boolean isDomain(JavaClass type) {
        String top = type.getEnclosingClass().map(JavaClass::getSimpleName).orElse(type.getSimpleName());
        return !EDGE_PACKAGES.contains(type.getPackageName())
                && !type.isAnnotatedWith(RestController.class)
                && !top.endsWith("Request")
                && !top.endsWith("Requests")
                && !top.endsWith("Controller")
                && type.getDirectDependenciesFromSelf().stream()
                        .map(dependency -> dependency.getTargetClass().getPackageName())
                        .noneMatch(name -> name.startsWith("java.sql")
                                || name.startsWith("org.springframework.jdbc")
                                || name.startsWith("tools.jackson.core"));
    }

    private static boolean spells(String text, String wireName) {
        return text.equals(wireName) || text.startsWith(wireName + ".") || text.startsWith(wireName + "[");
    }

    private static void collectWireNames(Class<?> record, Set<String> into) {
        for (var component : record.getRecordComponents()) {
            String name = WireNames.of(component.getName());
            into.add(name);
            Class<?> type = component.getType();
            if (type == java.util.List.class) {
                var item = (Class<?>)
                        ((java.lang.reflect.ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                type = item;
            }
            if (type.isRecord()) {
                var nested = new TreeSet<String>();
                collectWireNames(type, nested);
                nested.forEach(member -> into.add(name + "." + member));
            }
        }
    }

    @Test
    void repositoriesStayInsideTheirModule() {
        ArchRule rule = classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .or()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .notBePublic()
                .because("other modules reach data through a module's facade, never its SQL");
        rule.check(MAIN);
    }

    @Test
    void theSlotEngineIsPlainJava() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.carebook.availability..")
                .and()
                .doNotHaveSimpleName("package-info") // its module annotation is not code
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("org.carebook.availability..", "java..")
                .because(
                        "the engine is a pure function of schedules, busy intervals and now (its oracle test relies on it)");
        rule.check(MAIN);
    }

    @Test
    void facadesKnowNothingOfHttp() {
        ArchRule rule = noClasses()
                .that()
                .areAnnotatedWith(Service.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.servlet..",
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.security..",
                        "org.carebook.api..")
                .because("a facade serves the API, the console, FHIR and self-service alike");
        rule.check(MAIN);
    }

    @Test
    void nothingDependsOnTheDemo() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("org.carebook.demo..")
                .and()
                .doNotHaveFullyQualifiedName(CarebookApplication.class.getName())
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.carebook.demo..")
                .because("the demo clinic is an example that a deployment can leave out");
        rule.check(MAIN);
    }

    @Test
    void onlyTheEdgeTouchesSpringSecurity() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("org.carebook.web..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.springframework.security..")
                        .and(not(resideInAPackage("org.springframework.security.crypto.."))))
                .because("one gate decides who may do what (docs/security.md); hashing passwords is not deciding");
        rule.check(MAIN);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        ArchRule rule = noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now", ZoneId.class)
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now", ZoneId.class)
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now", ZoneId.class)
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now", ZoneId.class)
                .because("time is an input: the injected Clock keeps the database's time, and tests move it");
        rule.check(MAIN);
    }
}
