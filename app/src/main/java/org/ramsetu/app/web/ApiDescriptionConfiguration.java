package org.ramsetu.app.web;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.SecurityProperties;
import org.ramsetu.platform.web.FieldErrorCodes;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * What the OpenAPI description ({@code /v3/api-docs}) says beyond what springdoc reads from the
 * controllers: the bearer scheme and which operations need it, that the signed-in account is the
 * token's and not a parameter, and the problem answers each operation can give. Integrators build
 * clients from this description, so it says what the API does, not more.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescriptionConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    static {
        // Resolved from the bearer token by CurrentUserArgumentResolver, never sent by clients.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
        // A JSON tree is any JSON object to a client; left alone, springdoc describes the tree
        // class's own getters (isArray, isBigDecimal...) as if they were fields.
        SpringDocUtils.getConfig()
                .replaceWithSchema(JsonNode.class, new Schema<Object>().types(Set.of("object")));
    }

    @Bean
    OpenAPI ramsetuOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("RamSetu API")
                                .version("v1")
                                .description(
                                        "Organ donors, patients and transplant coordinators."
                                                + " Every error is application/problem+json."))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        BEARER,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .bearerFormat("JWT")
                                                .description(
                                                        "the access token of POST"
                                                                + " /api/v1/auth/login (or"
                                                                + " /auth/second-factor,"
                                                                + " /auth/refresh)")));
    }

    /** Record components are required and non-null unless declared {@code @Nullable}. */
    @Bean
    ModelConverter recordComponentsRequired() {
        return new RecordComponentsRequired();
    }

    /** The 201s and ETags that {@code @Created} and {@code @Versioned} mark. */
    @Bean
    GlobalOperationComponentsCustomizer conventionalResponses() {
        return new ConventionalResponses();
    }

    /**
     * The operations endpoints first (from the actuator's metadata, when the target has them), then
     * the security and the problem answers of every operation, theirs included.
     */
    @Bean
    OpenApiCustomizer securityAndProblems(
            SecurityProperties security,
            ObjectProvider<WebEndpointsSupplier> actuatorEndpoints,
            ObjectProvider<WebEndpointProperties> actuatorPaths) {
        boolean scoringOpen = security.scoringApi() == SecurityProperties.ScoringApiAccess.OPEN;
        WebEndpointsSupplier endpoints = actuatorEndpoints.getIfAvailable();
        WebEndpointProperties paths = actuatorPaths.getIfAvailable();
        return api -> {
            if (endpoints != null && paths != null) {
                new OperationsEndpointsDescription(endpoints, paths.getBasePath()).customise(api);
            }
            // Added here, not on the OpenAPI bean: springdoc rebuilds the schemas it finds.
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths()
                    .forEach(
                            (path, item) ->
                                    item.readOperationsMap()
                                            .forEach(
                                                    (method, operation) ->
                                                            describe(
                                                                    path,
                                                                    method,
                                                                    operation,
                                                                    isPublic(path, scoringOpen))));
        };
    }

    /** The routes the security filter chains let through without a token. */
    static boolean isPublic(String path, boolean scoringOpen) {
        return path.startsWith("/api/v1/auth/")
                || (scoringOpen && path.startsWith("/v1/"))
                || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/")
                || path.equals("/actuator/prometheus")
                || path.equals("/actuator/info");
    }

    private static void describe(
            String path, PathItem.HttpMethod method, Operation operation, boolean publicRoute) {
        if (operation.getSecurity() == null) { // else stated on the operation itself
            operation.setSecurity(
                    publicRoute ? List.of() : List.of(new SecurityRequirement().addList(BEARER)));
        }
        boolean needsToken = !operation.getSecurity().isEmpty();
        ApiResponses responses = operation.getResponses();
        // springdoc adds a 200 from the return type; an empty one beside another success (a
        // ResponseEntity<Void> answered 204) is not an answer the operation gives.
        ApiResponse ok = responses.get("200");
        if (ok != null
                && ok.getContent() == null
                && responses.keySet().stream()
                        .anyMatch(c -> c.startsWith("2") && !c.equals("200"))) {
            responses.remove("200");
        }
        ApiResponse notModified = responses.get("304");
        if (notModified != null) {
            notModified.setContent(null); // a 304 has no body
        }
        // Every error is a problem; an error stated on the operation names only its cause. The one
        // exception: a health check that is down answers its health document with 503.
        boolean health = path.startsWith("/actuator/health");
        responses.forEach(
                (status, response) -> {
                    if ((status.startsWith("4") || status.startsWith("5"))
                            && !(health && status.equals("503"))) {
                        response.setContent(problemContent());
                    }
                });
        List<Parameter> parameters =
                operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (!parameters.isEmpty() || hasBody) {
            problem(responses, "400", "invalid input; errors[] names each field");
        }
        if (needsToken) {
            problem(responses, "401", "no token, or an expired or revoked one");
            problem(responses, "403", "the account's role may not do this");
        }
        if (path.contains("{")) {
            problem(responses, "404", "no such record, or not one this account may see");
        }
        if (changes) {
            problem(responses, "409", "the record's state does not allow this now");
        }
        if (has(parameters, "If-Match")) {
            problem(responses, "412", "the record changed since the version in If-Match");
        }
        if (hasBody) {
            problem(responses, "413", "the body is larger than this operation accepts");
            problem(responses, "415", "the body is not of a media type this operation reads");
        }
        if (has(parameters, "Idempotency-Key")) {
            problem(responses, "422", "the Idempotency-Key was used with another request");
        }
        if (path.startsWith("/api/")) {
            problem(responses, "429", "too many requests; Retry-After says when to come back");
        }
        problem(responses, "503", "the database is unavailable for a moment; Retry-After");
    }

    private static boolean has(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(p -> name.equalsIgnoreCase(p.getName()));
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return; // stated by the operation itself
        }
        responses.addApiResponse(
                status, new ApiResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON,
                        new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> fieldError =
                new ObjectSchema()
                        .addProperty("field", new StringSchema().example("dateOfBirth"))
                        .addProperty("message", new StringSchema())
                        .addProperty(
                                "code",
                                new StringSchema()
                                        .description(
                                                "the error's kind, for a message in the user's"
                                                        + " language; absent when it has none")
                                        ._enum(FieldErrorCodes.codes()))
                        .addProperty(
                                "params",
                                new ObjectSchema()
                                        .description(
                                                "the values the code's message names: range min,"
                                                        + " max, unit, value; one-of options"
                                                        + " (and value); max-length max;"
                                                        + " length min, max, value")
                                        .additionalProperties(new StringSchema()))
                        .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .properties(
                        Map.of(
                                "type",
                                new StringSchema()
                                        .format("uri")
                                        .example("https://ramsetu.org/problems/validation"),
                                "title",
                                new StringSchema(),
                                "status",
                                new IntegerSchema().minimum(BigDecimal.valueOf(400)),
                                "detail",
                                new StringSchema(),
                                "instance",
                                new StringSchema().format("uri-reference"),
                                "errors",
                                new ArraySchema().items(fieldError)))
                .required(List.of("type", "title", "status", "detail"));
    }
}
