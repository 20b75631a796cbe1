package org.ramsetu.app.web;

import static org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import org.ramsetu.platform.web.Created;
import org.ramsetu.platform.web.InheritedOperations;
import org.ramsetu.platform.web.Versioned;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes the answers the API gives by convention, from {@link Created} and {@link Versioned} on
 * the handler: a 201 with the created record and its {@code Location} (and the 200 of a
 * replacement), a read's {@code ETag} and its 304. Stated here once, they read the same on every
 * operation. Handlers a controller inherits from a shared base take their operation ids from its
 * {@link InheritedOperations}.
 */
final class ConventionalResponses implements GlobalOperationComponentsCustomizer {

    /** Springdoc calls the form with the components, which a 201's body schema is added to. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        throw new UnsupportedOperationException(
                "describing a 201 adds its body's schema to the components");
    }

    @Override
    public Operation customize(
            Operation operation, Components components, HandlerMethod handlerMethod) {
        Created created =
                AnnotatedElementUtils.findMergedAnnotation(
                        handlerMethod.getMethod(), Created.class);
        Versioned versioned =
                AnnotatedElementUtils.findMergedAnnotation(
                        handlerMethod.getMethod(), Versioned.class);
        ApiResponses responses = operation.getResponses();
        if (handlerMethod.getMethod().getDeclaringClass() != handlerMethod.getBeanType()) {
            operation.setOperationId(inheritedOperationId(handlerMethod));
        }
        if (created != null) {
            describeCreated(created, responses, components, handlerMethod);
        }
        if (versioned != null) {
            ApiResponse ok = responses.get("200");
            if (ok == null) { // not derived by springdoc when the operation states other answers
                ok = new ApiResponse().content(json(returnedBody(handlerMethod), components));
                responses.addApiResponse("200", ok);
            }
            ok.setDescription(versioned.value() + "; ETag holds its version");
            responses.addApiResponse(
                    "304",
                    new ApiResponse()
                            .description("not modified: If-None-Match holds the current ETag"));
        }
        return operation;
    }

    private static void describeCreated(
            Created created,
            ApiResponses responses,
            Components components,
            HandlerMethod handlerMethod) {
        // The 200 springdoc derives from the return type stays only where the operation states
        // one itself (a PUT that creates or replaces): a POST that creates answers 201 alone.
        boolean statedOk =
                AnnotatedElementUtils.findMergedRepeatableAnnotations(
                                handlerMethod.getMethod(),
                                io.swagger.v3.oas.annotations.responses.ApiResponse.class)
                        .stream()
                        .anyMatch(r -> r.responseCode().equals("200"));
        if (!statedOk) {
            responses.remove("200");
        }
        Type body = created.body() == void.class ? returnedBody(handlerMethod) : created.body();
        if (!created.replaced().isEmpty()) {
            responses.addApiResponse(
                    "200",
                    new ApiResponse()
                            .description("replaced: " + created.replaced())
                            .content(json(body, components)));
        }
        Header location =
                new Header()
                        .description(location(created, handlerMethod))
                        .style(Header.StyleEnum.SIMPLE)
                        .schema(new StringSchema().format("uri-reference"));
        responses.addApiResponse(
                "201",
                new ApiResponse()
                        .description("created: " + created.value())
                        .addHeaderObject(HttpHeaders.LOCATION, location)
                        .content(json(body, components)));
    }

    /** The created record's path; one without a leading slash follows the controller's path. */
    private static String location(Created created, HandlerMethod handlerMethod) {
        if (created.location().startsWith("/")) {
            return created.location();
        }
        RequestMapping mapping =
                AnnotatedElementUtils.findMergedAnnotation(
                        handlerMethod.getBeanType(), RequestMapping.class);
        if (mapping == null || mapping.path().length != 1) {
            throw new IllegalStateException(
                    handlerMethod
                            + ": a relative @Created location needs the controller's one path");
        }
        return mapping.path()[0] + "/" + created.location();
    }

    /**
     * The id {@link InheritedOperations} gives a handler the controller inherits.
     *
     * @throws IllegalStateException when it gives none: springdoc's own id (the method's name, then
     *     {@code _1}, {@code _2} for the other controllers) would change with the order it meets
     *     them
     */
    private static String inheritedOperationId(HandlerMethod handlerMethod) {
        InheritedOperations inherited =
                AnnotatedElementUtils.findMergedAnnotation(
                        handlerMethod.getBeanType(), InheritedOperations.class);
        String method = handlerMethod.getMethod().getName();
        return Arrays.stream(inherited == null ? new String[0] : inherited.value())
                .filter(entry -> entry.startsWith(method + "="))
                .map(entry -> entry.substring(method.length() + 1))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        handlerMethod.getBeanType().getName()
                                                + " inherits the handler "
                                                + method
                                                + ": name its operation in @InheritedOperations"));
    }

    /**
     * What a handler answers in its body: the type inside its {@code ResponseEntity}, if any, as
     * the controller binds the types of a handler it inherits.
     */
    private static Type returnedBody(HandlerMethod handlerMethod) {
        ResolvableType returned =
                ResolvableType.forMethodReturnType(
                        handlerMethod.getMethod(), handlerMethod.getBeanType());
        ResolvableType body =
                returned.toClass() == ResponseEntity.class ? returned.getGeneric(0) : returned;
        if (!(body.getType() instanceof TypeVariable<?>)) {
            return body.getType();
        }
        // A type variable of a shared base (the profile view) stands for the class it is bound to.
        Class<?> bound = body.resolve();
        if (bound == null) {
            throw new IllegalStateException(
                    handlerMethod + ": its controller leaves the type of the body it returns open");
        }
        return bound;
    }

    /** A JSON body of this type, its schema added to the components. */
    private static Content json(Type body, Components components) {
        Schema<?> schema =
                SpringDocAnnotationsUtils.extractSchema(
                        components, body, null, null, SpecVersion.V31);
        return new Content().addMediaType(APPLICATION_JSON_VALUE, new MediaType().schema(schema));
    }
}
