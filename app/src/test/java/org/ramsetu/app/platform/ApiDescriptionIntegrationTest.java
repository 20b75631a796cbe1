package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.Operation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.api.PlatformInstance;
import org.ramsetu.platform.web.InheritedOperations;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description says what the API does (issue 22 item 1): the bearer scheme and which
 * operations need it, no server-side argument as a parameter, 201 with Location for what a POST
 * creates, typed run bodies, and problem answers.
 */
class ApiDescriptionIntegrationTest {

    private static JsonNode docs;

    @BeforeAll
    static void read() {
        var response = PlatformInstance.client().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        docs = response.json();
    }

    @Test
    void bearerTokensAreTheSchemeAndOnlyTheSignInRoutesGoWithout() {
        JsonNode scheme = docs.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");

        assertThat(operation("/api/v1/auth/login", "post").path("security").size()).isZero();
        assertThat(security(operation("/api/v1/pledges", "post"))).containsExactly("bearer");
        assertThat(security(operation("/api/v1/auth/second-factor/step-up", "post")))
                .as("under /auth/, but for a signed-in coordinator")
                .containsExactly("bearer");
        assertThat(operation("/api/v1/auth/signup", "post").path("responses").has("401"))
                .as("no token and no credentials: nothing to be unauthorised for")
                .isFalse();
        assertThat(
                        operation("/api/v1/auth/login", "post")
                                .path("responses")
                                .path("401")
                                .path("description")
                                .asString())
                .as("a sign-in's own 401 is about the credentials, not a token")
                .contains("password");
    }

    @Test
    void recordFieldsAreRequiredUnlessDeclaredNullable() {
        JsonNode pledge = docs.path("components").path("schemas").path("PledgeView");
        List<String> required = new ArrayList<>();
        pledge.path("required").forEach(name -> required.add(name.asString()));
        assertThat(required).contains("id", "organ", "status", "version");
        assertThat(required).doesNotContain("rejectionReason", "kidney");
        assertThat(pledge.path("properties").path("rejectionReason").path("type").toString())
                .as("declared @Nullable: a string or null")
                .contains("null");
        assertThat(pledge.path("properties").path("kidney").path("oneOf").toString())
                .as("a nullable object: its schema or null")
                .contains("KidneyTestResults", "null");
    }

    @Test
    void theSignedInAccountIsNeverAParameter() {
        List<String> phantoms = new ArrayList<>();
        DescribedOperations.each(
                docs,
                (method, path, operation) ->
                        operation
                                .path("parameters")
                                .forEach(
                                        parameter -> {
                                            String name = parameter.path("name").asString();
                                            if (List.of("user", "coordinator", "params")
                                                    .contains(name)) {
                                                phantoms.add(method + " " + path + " " + name);
                                            }
                                        }));
        assertThat(phantoms).isEmpty();
        assertThat(parameters(operation("/api/v1/admin/donors", "get")))
                .contains("city", "bloodGroup", "after", "limit");
    }

    @Test
    void whatAPostCreatesIs201WithLocationAndATypedBody() {
        JsonNode created =
                operation("/api/v1/transplant-requests/{id}/match-runs", "post").path("responses");

        assertThat(created.has("201")).isTrue();
        assertThat(created.has("200")).isFalse();
        assertThat(created.path("201").path("headers").has("Location")).isTrue();
        assertThat(
                        created.path("201")
                                .path("content")
                                .path("application/json")
                                .path("schema")
                                .path("$ref")
                                .asString())
                .endsWith("/MatchRunView");
        for (String path :
                List.of(
                        "/api/v1/pledges",
                        "/api/v1/transplant-requests",
                        "/api/v1/documents",
                        "/api/v1/pledges/{id}/allocation-runs")) {
            assertThat(operation(path, "post").path("responses").has("201")).as(path).isTrue();
        }
        assertThat(operation("/api/v1/donors/me", "put").path("responses").has("201")).isTrue();
        assertThat(operation("/api/v1/donors/me", "put").path("responses").has("200")).isTrue();
    }

    @Test
    void errorsAreProblemDetailsAsTheyOccur() {
        JsonNode responses = operation("/api/v1/pledges/{id}/withdraw", "post").path("responses");

        for (String status : List.of("400", "401", "403", "404", "409", "412", "429", "503")) {
            assertThat(
                            responses
                                    .path(status)
                                    .path("content")
                                    .path("application/problem+json")
                                    .path("schema")
                                    .path("$ref")
                                    .asString())
                    .as(status)
                    .endsWith("/Problem");
        }
        assertThat(operation("/api/v1/pledges", "post").path("responses").has("422"))
                .as("Idempotency-Key reused with another request")
                .isTrue();
        assertThat(operation("/api/v1/me", "get").path("responses").has("404"))
                .as("no path variable, nothing to be not found")
                .isFalse();
        JsonNode problem = docs.path("components").path("schemas").path("Problem");
        assertThat(problem.path("required").toString()).contains("type", "title", "status");
    }

    /**
     * Generated clients name their classes after the tags and their methods after the operation
     * ids, so both are written on the controllers, not derived from Java method names that a
     * refactoring may change (or that springdoc suffixes with {@code _1} when two collide).
     */
    @Test
    void everyOperationHasAWrittenNameAndADescribedTag() {
        Set<String> described = new HashSet<>();
        docs.path("tags")
                .forEach(
                        tag -> {
                            assertThat(tag.path("description").asString())
                                    .as(tag.toString())
                                    .isNotBlank();
                            described.add(tag.path("name").asString());
                        });
        Set<String> ids = new HashSet<>();
        DescribedOperations.each(
                docs,
                (method, path, operation) -> {
                    String where = method + " " + path;
                    String id = operation.path("operationId").asString();
                    assertThat(id).as(where).matches("[a-z][A-Za-z]+");
                    assertThat(ids.add(id)).as(where + ": " + id + " once").isTrue();
                    assertThat(operation.path("tags").size()).as(where).isOne();
                    assertThat(described)
                            .as(where)
                            .contains(operation.path("tags").path(0).asString());
                });
        assertThat(ids).hasSizeGreaterThan(60);

        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<String> unnamed = new ArrayList<>();
        for (String pkg : List.of("org.ramsetu.platform", "org.ramsetu.scoring")) {
            for (var candidate : scanner.findCandidateComponents(pkg)) {
                Class<?> controller =
                        ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
                // Its own handlers, and those it inherits from a shared base (ProfileEndpoints),
                // which the controller names in @InheritedOperations.
                for (Class<?> declaring = controller;
                        declaring != Object.class;
                        declaring = declaring.getSuperclass()) {
                    for (Method method : declaring.getDeclaredMethods()) {
                        if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                            continue;
                        }
                        boolean named =
                                declaring == controller
                                        ? hasOperationId(method)
                                        : inheritedOperationNamed(controller, method);
                        if (!named) {
                            unnamed.add(controller.getSimpleName() + "." + method.getName());
                        }
                    }
                }
                unnamed.addAll(staleInheritedOperations(controller));
            }
        }
        assertThat(unnamed)
                .as(
                        "handler methods without @Operation(operationId) or @InheritedOperations,"
                                + " and @InheritedOperations entries naming no inherited handler")
                .isEmpty();
    }

    private static boolean hasOperationId(Method handler) {
        Operation operation = handler.getAnnotation(Operation.class);
        return operation != null && !operation.operationId().isBlank();
    }

    private static boolean inheritedOperationNamed(Class<?> controller, Method handler) {
        InheritedOperations named =
                AnnotatedElementUtils.findMergedAnnotation(controller, InheritedOperations.class);
        return named != null
                && Arrays.stream(named.value())
                        .anyMatch(entry -> entry.startsWith(handler.getName() + "="));
    }

    /** Entries that name no handler the controller inherits, or an id not of the API's form. */
    private static List<String> staleInheritedOperations(Class<?> controller) {
        InheritedOperations named =
                AnnotatedElementUtils.findMergedAnnotation(controller, InheritedOperations.class);
        if (named == null) {
            return List.of();
        }
        Set<String> inherited = new HashSet<>();
        for (Class<?> base = controller.getSuperclass();
                base != Object.class;
                base = base.getSuperclass()) {
            for (Method method : base.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    inherited.add(method.getName());
                }
            }
        }
        return Arrays.stream(named.value())
                .filter(
                        entry ->
                                !entry.matches("[A-Za-z]+=[a-z][A-Za-z]+")
                                        || !inherited.contains(
                                                entry.substring(0, entry.indexOf('='))))
                .map(entry -> controller.getSimpleName() + ": " + entry)
                .toList();
    }

    @Test
    void theOperationsEndpointsAreDescribedAsTheActuatorRoutesAndAnswersThem() {
        JsonNode health = operation("/actuator/health/{path}", "get");
        assertThat(health.path("operationId").asString()).isEqualTo("readHealthPath");
        assertThat(health.path("security").size()).as("probes need no token").isZero();
        assertThat(parameters(health)).containsExactly("path");
        assertThat(health.at("/responses/503/content/application~1json/schema/$ref").asString())
                .as("down answers the health document, not a problem")
                .endsWith("/HealthDocument");

        JsonNode drill = operation("/actuator/queuedrill", "post");
        assertThat(security(drill)).containsExactly("bearer");
        assertThat(parameters(drill)).as("a write's arguments are its body").isEmpty();
        JsonNode body = docs.at("/components/schemas/WriteQueuedrillRequest");
        assertThat(body.path("properties").path("jobs").path("type").asString())
                .isEqualTo("integer");
        assertThat(body.path("required").toString()).contains("jobs");

        JsonNode change = operation("/actuator/flags/{key}", "post");
        assertThat(docs.at("/components/schemas/WriteFlagsKeyRequest/required").isMissingNode())
                .as("every argument of a flag change is @Nullable")
                .isTrue();
        assertThat(parameters(change))
                .as("the caller's security context is not a parameter")
                .containsExactly("key");
        assertThat(
                        operation("/actuator/instances", "get")
                                .at("/responses/200/content/application~1json/schema/items/$ref")
                                .asString())
                .endsWith("/ServiceInstance");
        assertThat(operation("/actuator/prometheus", "get").path("responses").has("200")).isTrue();
    }

    private static JsonNode operation(String path, String method) {
        JsonNode op = docs.path("paths").path(path).path(method);
        assertThat(op.isMissingNode()).as(method + " " + path).isFalse();
        return op;
    }

    private static List<String> security(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("security").forEach(r -> r.propertyNames().forEach(names::add));
        return names;
    }

    private static List<String> parameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(p -> names.add(p.path("name").asString()));
        return names;
    }
}
