package org.carebook.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The CapabilityStatement, public as FHIR expects. It is built from the {@link FhirInteraction} of every
 * handler Spring MVC serves, so it lists what is implemented: no more, no less.
 */
@RestController
class MetadataController {

    private final RequestMappingHandlerMapping mappings;
    private final ObjectProvider<BuildProperties> build;
    private final FhirJson json;
    private final Date started = new Date();

    MetadataController(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            ObjectProvider<BuildProperties> build,
            FhirJson json) {
        this.mappings = mappings;
        this.build = build;
        this.json = json;
    }

    @GetMapping(Bundles.PATH + "/metadata")
    ResponseEntity<byte[]> metadata(HttpServletRequest request) {
        var statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(started);
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.getSoftware().setName("Carebook");
        var properties = build.getIfAvailable();
        if (properties != null) {
            statement.getSoftware().setVersion(properties.getVersion());
        }
        statement.getImplementation().setDescription("Carebook scheduling").setUrl(Bundles.base(request));
        statement.addInstantiates(Canonical.IHE_SCHEDULING + "/CapabilityStatement/IHE.Scheduling.server");
        var rest = statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        // SMART clients find the token endpoint in .well-known/smart-configuration: the CapabilityStatement's
        // oauth-uris extension would also need an authorize endpoint, which backend services have no use for.
        rest.getSecurity()
                .setDescription("Send a Carebook secret API key, or an access token from the SMART Backend Services"
                        + " token endpoint, as 'Authorization: Bearer <key>'. Each interaction needs the scope"
                        + " Carebook's API documents for the same data (docs/fhir.md maps system/ scopes onto them).")
                .addService(new CodeableConcept()
                        .addCoding(new Coding(
                                "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", null))
                        .setText("Bearer API key"))
                .addService(new CodeableConcept()
                        .addCoding(new Coding(
                                "http://terminology.hl7.org/CodeSystem/restful-security-service",
                                "SMART-on-FHIR",
                                null))
                        .setText("SMART Backend Services (client_credentials, private_key_jwt)"));

        resources().values().forEach(rest::addResource);
        return json.ok(statement);
    }

    private Map<String, CapabilityStatementRestResourceComponent> resources() {
        Map<String, CapabilityStatementRestResourceComponent> resources = new TreeMap<>();
        mappings.getHandlerMethods().values().stream()
                .map(method -> method.getMethodAnnotation(FhirInteraction.class))
                .filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(FhirInteraction::resource)
                        .thenComparing(FhirInteraction::kind)
                        .thenComparing(FhirInteraction::operation))
                .forEach(interaction -> add(
                        resources.computeIfAbsent(
                                interaction.resource(),
                                type -> new CapabilityStatementRestResourceComponent().setType(type)),
                        interaction));
        return resources;
    }

    private static void add(CapabilityStatementRestResourceComponent resource, FhirInteraction interaction) {
        switch (interaction.kind()) {
            case READ -> {
                var read = resource.addInteraction().setCode(TypeRestfulInteraction.READ);
                if (!interaction.documentation().isEmpty()) {
                    read.setDocumentation(interaction.documentation());
                }
            }
            case SEARCH -> {
                var search = resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
                if (!interaction.documentation().isEmpty()) {
                    search.setDocumentation(interaction.documentation());
                }
                for (String parameter : interaction.searchParams()) {
                    String[] parts = parameter.split(":");
                    resource.addSearchParam()
                            .setName(parts[0])
                            .setType(Enumerations.SearchParamType.fromCode(parts[1]));
                }
            }
            case OPERATION ->
                resource.addOperation()
                        .setName(interaction.operation())
                        .setDefinition(Canonical.IHE_SCHEDULING + "/OperationDefinition/appointment-"
                                + interaction.operation())
                        .setDocumentation(interaction.documentation());
        }
    }
}
