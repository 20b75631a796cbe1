package org.ramsetu.infra.schedule;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Task data as JSON rather than Java serialization: readable in the table, stable across class
 * changes (a field added in a release still reads rows written by the previous one), and no
 * deserialization of arbitrary classes from the database.
 */
final class JsonTaskData implements Serializer {

    private static final JsonMapper JSON =
            JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : JSON.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null || type == Void.class) {
            return null;
        }
        return JSON.readValue(bytes, type);
    }
}
