package org.ramsetu.app.platform;

import tools.jackson.databind.JsonNode;

/** Walks the operations of an OpenAPI description, in the description's order. */
final class DescribedOperations {

    /** One operation: its HTTP method in lower case, as the description keys it. */
    interface Visitor {
        void visit(String method, String path, JsonNode operation);
    }

    private DescribedOperations() {}

    static void each(JsonNode description, Visitor visitor) {
        description
                .path("paths")
                .properties()
                .forEach(
                        path ->
                                path.getValue()
                                        .properties()
                                        .forEach(
                                                op ->
                                                        visitor.visit(
                                                                op.getKey(),
                                                                path.getKey(),
                                                                op.getValue())));
    }
}
