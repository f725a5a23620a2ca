package org.carebook.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.carebook.kernel.Caller;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two OpenAPI documents: the API at {@code /v1/openapi.json}, and the platform administration's at
 * {@code /v1/openapi.json/admin}. {@link ApiDocumentation} fills in what annotations alone cannot say.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final String MANAGE_LINK = "manageLink";
    static final String ADMIN_TOKEN = "adminToken";

    static {
        // The authenticated caller is resolved from the request, not sent as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        // An event's data is the object as it was, of whichever type the event names.
        var anyObject = new io.swagger.v3.oas.models.media.JsonSchema();
        anyObject.addType("object");
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class, anyObject);
    }

    /**
     * swagger-core reads models with its own (Jackson 2) mapper and does not see the application's snake_case
     * naming; without this its schemas would name fields in camelCase.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    GroupedOpenApi adminDocument() {
        return GroupedOpenApi.builder()
                .group("admin")
                .displayName("Carebook platform administration")
                .pathsToMatch("/admin/v1/**")
                .build();
    }

    @Bean
    OpenAPI carebookOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Carebook")
                        .version(EdgeFilter.VERSION)
                        .description("Appointment booking for clinics: find a free time, hold it while the patient"
                                + " types, and confirm it. Every response is an envelope: {\"data\": …} or"
                                + " {\"error\": …}. Send Carebook-Version: " + EdgeFilter.VERSION
                                + " to pin the contract.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .addServersItem(new Server().url("http://localhost:8080").description("A server on this machine"))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key: secret (sk_live_…, sk_test_…) with the scopes"
                                                + " granted at its creation, or publishable (pk_live_…, pk_test_…)"
                                                + " with read_appointment_types, read_availability and write_holds."
                                                + " HTTP Basic with the key as user name works too."))
                        .addSecuritySchemes(
                                MANAGE_LINK,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A patient's manage link token (cbm_…), from the fragment of"
                                                + " the link in their confirmation."))
                        .addSecuritySchemes(
                                ADMIN_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The server's CAREBOOK_ADMIN_TOKEN.")));
    }
}
