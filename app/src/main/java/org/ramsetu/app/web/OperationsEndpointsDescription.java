package org.ramsetu.app.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.AbstractDiscoveredOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameter;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.actuate.endpoint.web.WebOperationRequestPredicate;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;

/**
 * Describes the operations endpoints a target exposes ({@code /actuator/...}) in its API
 * description, from the actuator's own metadata: the paths and methods it routes, selectors as path
 * variables, a read operation's arguments as query parameters and a write operation's as the
 * properties of a JSON body, and the answers the actuator gives (200 with the operation's result,
 * 204 for a write that returns nothing, 400 for a missing or unreadable argument, 404 for a
 * selector that names nothing). Health answers its document with 503 when it is down.
 *
 * <p>Arguments the actuator fills in itself (the caller's security context, the server namespace,
 * the API version, a format chosen by the {@code Accept} header) are not parameters a client sends.
 */
final class OperationsEndpointsDescription implements OpenApiCustomizer {

    static final String TAG = "Operations";
    static final String HEALTH = "HealthDocument";

    /** What each endpoint is for, in the words an on-call engineer looks for. */
    private static final Map<String, String> PURPOSE =
            Map.of(
                    "health", "Liveness, readiness and the health of each dependency",
                    "info", "The build and version this target runs",
                    "prometheus", "Metrics in the Prometheus text format",
                    "instances", "The instances of the product that reported recently",
                    "flyway", "The database migrations applied",
                    "jobs", "The job queue: depths, dead jobs and their re-drive",
                    "queuedrill", "The queue drill: a load of test jobs and its ledger",
                    "schedules", "Scheduled work: its runs, and a run now",
                    "scheduledrill", "The scheduler drill: test work and its ledger",
                    "flags", "Feature flags: their state and their change");

    private final WebEndpointsSupplier endpoints;
    private final String basePath;

    OperationsEndpointsDescription(WebEndpointsSupplier endpoints, String basePath) {
        this.endpoints = endpoints;
        this.basePath = basePath;
    }

    @Override
    public void customise(OpenAPI api) {
        api.addTagsItem(
                new Tag()
                        .name(TAG)
                        .description(
                                "Health, metrics and the operations endpoints of on-call"
                                        + " engineers (Spring Boot actuator)"));
        api.getComponents().addSchemas(HEALTH, healthSchema());
        for (ExposableWebEndpoint endpoint : endpoints.getEndpoints()) {
            for (WebOperation operation : endpoint.getOperations()) {
                describe(api, endpoint.getEndpointId().toString(), operation);
            }
        }
    }

    private void describe(OpenAPI api, String endpointId, WebOperation webOperation) {
        WebOperationRequestPredicate predicate = webOperation.getRequestPredicate();
        String remaining = predicate.getMatchAllRemainingPathSegmentsVariable();
        String relative =
                remaining == null
                        ? predicate.getPath()
                        : predicate
                                .getPath()
                                .replace("{*" + remaining + "}", "{" + remaining + "}");
        String path = basePath + (relative.isEmpty() ? "" : "/" + relative);
        Method method =
                webOperation instanceof AbstractDiscoveredOperation discovered
                        ? discovered.getOperationMethod().getMethod()
                        : null;
        OperationType type = webOperation.getType();

        Operation operation =
                new Operation()
                        .operationId(operationId(type, relative))
                        .summary(
                                PURPOSE.getOrDefault(endpointId, "Actuator endpoint " + endpointId))
                        .addTagsItem(TAG);
        ObjectSchema body = new ObjectSchema();
        if (method != null) {
            for (OperationParameter parameter : clientParameters(webOperation)) {
                boolean selector = parameter.getAnnotation(Selector.class) != null;
                Schema<?> schema = selector ? new StringSchema() : valueSchema(parameter.getType());
                if (selector) {
                    operation.addParametersItem(
                            new Parameter()
                                    .in("path")
                                    .name(parameter.getName())
                                    .required(true)
                                    .description(
                                            parameter.getName().equals(remaining)
                                                    ? "the rest of the path, e.g. readiness"
                                                    : null)
                                    .schema(schema));
                } else if (type == OperationType.WRITE) {
                    body.addProperty(parameter.getName(), schema);
                    if (parameter.isMandatory()) {
                        body.addRequiredItem(parameter.getName());
                    }
                } else {
                    operation.addParametersItem(
                            new Parameter()
                                    .in("query")
                                    .name(parameter.getName())
                                    .required(parameter.isMandatory())
                                    .schema(schema));
                }
            }
        }
        if (body.getProperties() != null) {
            // A named schema, as every other body has: writeFlagsKey reads WriteFlagsKeyRequest.
            String name =
                    Character.toUpperCase(operation.getOperationId().charAt(0))
                            + operation.getOperationId().substring(1)
                            + "Request";
            api.getComponents().addSchemas(name, body);
            Content content = new Content();
            for (String mediaType : consumed(predicate.getConsumes())) {
                content.addMediaType(
                        mediaType,
                        new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + name)));
            }
            operation.requestBody(new RequestBody().required(true).content(content));
        }
        operation.responses(responses(api, endpointId, type, method, predicate));

        PathItem item = api.getPaths().computeIfAbsent(path, p -> new PathItem());
        switch (predicate.getHttpMethod()) {
            case GET -> item.get(operation);
            case POST -> item.post(operation);
            case DELETE -> item.delete(operation);
        }
    }

    /** The arguments a client sends: not those the actuator resolves from the request itself. */
    private static List<OperationParameter> clientParameters(WebOperation operation) {
        if (!(operation instanceof AbstractDiscoveredOperation discovered)) {
            return List.of();
        }
        List<OperationParameter> sent = new ArrayList<>();
        discovered
                .getOperationMethod()
                .getParameters()
                .forEach(
                        p -> {
                            Class<?> type = p.getType();
                            boolean filledIn =
                                    SecurityContext.class.isAssignableFrom(type)
                                            || WebServerNamespace.class.isAssignableFrom(type)
                                            || Producible.class.isAssignableFrom(type)
                                            || ApiVersion.class.isAssignableFrom(type);
                            if (!filledIn) {
                                sent.add(p);
                            }
                        });
        return sent;
    }

    private ApiResponses responses(
            OpenAPI api,
            String endpointId,
            OperationType type,
            Method method,
            WebOperationRequestPredicate predicate) {
        ApiResponses responses = new ApiResponses();
        boolean health = endpointId.equals("health");
        Schema<?> result =
                health
                        ? new Schema<>().$ref("#/components/schemas/" + HEALTH)
                        : resultSchema(api, method);
        if (result == null) {
            responses.addApiResponse("204", new ApiResponse().description("done"));
        } else {
            Content content = new Content();
            for (String mediaType : predicate.getProduces()) {
                content.addMediaType(mediaType, new MediaType().schema(result));
            }
            responses.addApiResponse("200", new ApiResponse().description("OK").content(content));
            if (health) {
                responses.addApiResponse(
                        "503",
                        new ApiResponse()
                                .description("down or out of service: the same document")
                                .content(content));
            }
        }
        return responses;
    }

    /** The schema of what the operation answers; null for a write that answers nothing. */
    private static Schema<?> resultSchema(OpenAPI api, Method method) {
        if (method == null) {
            return new ObjectSchema();
        }
        Type returned = method.getGenericReturnType();
        if (returned instanceof ParameterizedType parameterized
                && parameterized.getRawType() == WebEndpointResponse.class) {
            returned = parameterized.getActualTypeArguments()[0];
        }
        if (returned == void.class || returned == Void.class) {
            return null;
        }
        if (returned == String.class || returned == byte[].class) { // text, e.g. metrics
            return new StringSchema();
        }
        if (returned == Object.class
                || !(returned instanceof Class<?> || returned instanceof ParameterizedType)) {
            return new ObjectSchema();
        }
        ResolvedSchema resolved =
                ModelConverters.getInstance(true)
                        .resolveAsResolvedSchema(new AnnotatedType(returned).resolveAsRef(true));
        if (resolved == null || resolved.schema == null) {
            return new ObjectSchema();
        }
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach(
                    (name, schema) -> {
                        if (api.getComponents().getSchemas() == null
                                || !api.getComponents().getSchemas().containsKey(name)) {
                            api.getComponents().addSchemas(name, schema);
                        }
                    });
        }
        return resolved.schema;
    }

    /** A query, path or body value as the actuator converts it from text or JSON. */
    private static Schema<?> valueSchema(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return new IntegerSchema();
        }
        if (type == long.class || type == Long.class) {
            return new IntegerSchema().format("int64");
        }
        if (type == boolean.class || type == Boolean.class) {
            return new BooleanSchema();
        }
        if (type.isEnum()) {
            StringSchema schema = new StringSchema();
            Arrays.stream(type.getEnumConstants())
                    .forEach(c -> schema.addEnumItem(((Enum<?>) c).name()));
            return schema;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return new ArraySchema().items(new StringSchema());
        }
        return new StringSchema();
    }

    private static Collection<String> consumed(Collection<String> consumes) {
        return consumes.isEmpty() ? Set.of("application/json") : consumes;
    }

    /**
     * A name made of the kind of operation and its path: {@code readHealth}, {@code readFlagsKey},
     * {@code writeSchedulesWork}.
     */
    static String operationId(OperationType type, String relativePath) {
        StringBuilder id = new StringBuilder(type.name().toLowerCase(Locale.ROOT));
        for (String part : relativePath.split("[/{}*-]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    @SuppressWarnings("rawtypes")
    private static Schema healthSchema() {
        return new ObjectSchema()
                .description(
                        "a health document: the status, and the status of each component where"
                                + " the target shows them")
                .addProperty(
                        "status",
                        new StringSchema()
                                .example("UP")
                                .description("UP, DOWN, OUT_OF_SERVICE or UNKNOWN"))
                .addProperty(
                        "components", new ObjectSchema().additionalProperties(new ObjectSchema()))
                .addProperty("groups", new ArraySchema().items(new StringSchema()))
                .addProperty("details", new ObjectSchema().additionalProperties(true))
                .required(List.of("status"));
    }
}
