package org.ramsetu.platform.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input the use case cannot accept: either named fields, each with what is wrong with it (type
 * {@value #FIELDS}), or the request as a whole under a type of its own.
 */
public final class InvalidInput extends DomainException {

    private static final long serialVersionUID = 1L;

    /** The type of a refusal that names its fields. */
    public static final String FIELDS = "validation";

    private final Map<String, String> fieldErrors;

    private InvalidInput(String type, String detail, Map<String, String> fieldErrors) {
        super(type, detail);
        this.fieldErrors = fieldErrors;
    }

    public static InvalidInput field(String field, String message) {
        return fields(Map.of(field, message));
    }

    /** In the map's order: the detail lists the fields as given. */
    public static InvalidInput fields(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>(errors);
        StringBuilder detail = new StringBuilder();
        ordered.forEach(
                (field, message) ->
                        detail.append(detail.isEmpty() ? "" : "; ")
                                .append(field)
                                .append(": ")
                                .append(message));
        return new InvalidInput(FIELDS, detail.toString(), Collections.unmodifiableMap(ordered));
    }

    /** A request that is wrong as a whole rather than in one field. */
    public static InvalidInput request(String type, String detail) {
        return new InvalidInput(type, detail, Map.of());
    }

    /** The fields in the order given; empty for a refusal of the whole request. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean namesFields() {
        return FIELDS.equals(type());
    }
}
