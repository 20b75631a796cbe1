package org.ramsetu.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Says which fields of a request or response body are always there: every component of a record is
 * {@code required} and never null, unless it is declared {@code @Nullable}; then it is optional and
 * may be null. Without this every field of every schema is optional, and a generated client makes
 * its users check each one for a value that the API always sends.
 *
 * <p>The response contract check of the HTTP test suite holds the API to what this says: a field
 * declared non-null that comes back null or missing fails the build.
 */
final class RecordComponentsRequired implements ModelConverter {

    private static final String NULL = "null";

    @Override
    public Schema<?> resolve(
            AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved == null || type.getType() == null) {
            return resolved;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (!raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved;
        if (resolved.get$ref() != null) {
            String ref = resolved.get$ref();
            model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (model != null && model.getProperties() != null) {
            describe(raw.getRecordComponents(), model);
        }
        return resolved;
    }

    private static void describe(RecordComponent[] components, Schema<?> model) {
        Map<String, Schema> properties = new LinkedHashMap<>(model.getProperties());
        List<String> required = new ArrayList<>();
        for (RecordComponent component : components) {
            String name = jsonName(component);
            Schema<?> property = properties.get(name);
            if (property == null) {
                continue; // not serialised (@JsonIgnore) or unwrapped
            }
            if (isNullable(component)) {
                properties.put(name, orNull(property));
            } else if (!isOptionalOnTheWire(component)) {
                required.add(name);
            }
        }
        model.setProperties(properties);
        model.setRequired(required.isEmpty() ? null : required);
    }

    static boolean isNullable(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                || component.getType() == Optional.class
                || isBoxedInCore(component);
    }

    /**
     * The clinical core is plain Java without annotations (docs/architecture.md); its records use a
     * boxed number where the value may be missing and a primitive where it may not.
     */
    private static boolean isBoxedInCore(RecordComponent component) {
        Class<?> type = component.getType();
        return component.getDeclaringRecord().getPackageName().startsWith("org.ramsetu.core.")
                && (type == Double.class
                        || type == Integer.class
                        || type == Long.class
                        || type == Boolean.class);
    }

    /** A primitive a reader defaults when absent, marked so where it is declared. */
    private static boolean isOptionalOnTheWire(RecordComponent component) {
        // @Schema does not target record components: it lands on the accessor.
        io.swagger.v3.oas.annotations.media.Schema schema =
                component
                        .getAccessor()
                        .getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && schema.requiredMode() == RequiredMode.NOT_REQUIRED;
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = component.getAnnotation(JsonProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty()
                ? renamed.value()
                : component.getName();
    }

    /** The property's schema widened to allow null (idempotent: a record may be resolved twice). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> orNull(Schema property) {
        if (property.get$ref() != null) {
            Schema wrapper = new Schema<>();
            wrapper.setOneOf(List.of(property, new Schema<>().typesItem(NULL)));
            return wrapper;
        }
        if (property.getOneOf() != null || property.getAnyOf() != null) {
            return property; // widened already
        }
        if (property.getTypes() != null) {
            property.addType(NULL);
        } else if (property.getType() != null) {
            property.typesItem(property.getType()).typesItem(NULL);
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
        return property;
    }

    @Override
    public boolean isOpenapi31() {
        return true;
    }
}
