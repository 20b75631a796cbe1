package org.ramsetu.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A field that must be a JSON string, for secrets that a client could otherwise send as a number
 * ({@code "password": 12345678}): the mapper keeps turning numbers into text elsewhere, because the
 * operations endpoints read their arguments as text.
 */
public class TextOnly extends ValueDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
