package org.ramsetu.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as they are typed, never coerced: {@code "consent": 1} is not a yes,
 * urgency {@code 3.7} is not 3, a password is a string and not the number {@code 12345678}, and a
 * date of birth is an ISO date, not the day count {@code 0} (1970-01-01). Each refusal is a 400
 * naming the field ({@link ApiExceptionHandler}). Numbers stay numbers where a decimal is expected:
 * {@code 170} is a fine height.
 */
public class StrictJsonInput implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).defaultLeniency(false);
        refuse(
                builder,
                LogicalType.Boolean,
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.String);
        refuse(
                builder,
                LogicalType.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.String,
                CoercionInputShape.Boolean);
        refuse(builder, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(builder, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float);
    }

    /** Values of {@code type} are not read from JSON of any of {@code shapes}. */
    private static void refuse(
            JsonMapper.Builder builder, LogicalType type, CoercionInputShape... shapes) {
        builder.withCoercionConfig(
                type,
                config -> {
                    for (CoercionInputShape shape : shapes) {
                        config.setCoercion(shape, CoercionAction.Fail);
                    }
                });
    }
}
