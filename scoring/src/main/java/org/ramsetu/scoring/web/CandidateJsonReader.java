package org.ramsetu.scoring.web;

import java.io.InputStream;
import java.util.List;
import org.ramsetu.infra.scoring.CandidateProblem;
import org.ramsetu.infra.scoring.InvalidCandidatesException;
import org.ramsetu.scoring.service.CandidateBatch;
import org.ramsetu.scoring.service.CandidateBatchBuilder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code {"candidates": [{"id": "c1", "features": {"hla_score": 0.8, …}}, …], "topK": 10}}
 * token by token straight into the model's feature matrix. A 10,000-candidate body would otherwise
 * become 10,000 maps of boxed numbers before a single row is scored; this way its cost is the parse
 * itself. Problems are reported per candidate and field, as the port does.
 */
final class CandidateJsonReader {

    /** What a request carried: the candidates, and {@code topK} if it was given. */
    record Read(CandidateBatch batch, Integer topK) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> features;
    private final int maxCandidates;

    CandidateJsonReader(List<String> features, int maxCandidates) {
        this.features = features;
        this.maxCandidates = maxCandidates;
    }

    Read read(InputStream body) {
        CandidateBatchBuilder builder = new CandidateBatchBuilder(features, maxCandidates);
        Integer topK = null;
        boolean sawCandidates = false;
        try (JsonParser p = JSON.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "the body");
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "candidates" -> {
                        expect(p, value, JsonToken.START_ARRAY, "candidates");
                        readCandidates(p, builder);
                        sawCandidates = true;
                    }
                    case "topK" -> {
                        if (!p.isExpectedNumberIntToken()) {
                            throw invalid("topK", "must be a whole number");
                        }
                        topK = p.getIntValue();
                    }
                    default ->
                            p.skipChildren(); // tolerated, like any JSON API: ignore unknown fields
                }
            }
        }
        if (!sawCandidates) {
            throw invalid("candidates", "is required (a JSON array of {id, features})");
        }
        return new Read(builder.build(), topK);
    }

    private static void readCandidates(JsonParser p, CandidateBatchBuilder builder) {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(p, token, JsonToken.START_OBJECT, "candidates[" + builder.rows() + "]");
            builder.begin();
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "id" ->
                            builder.id(
                                    value.isScalarValue() && value != JsonToken.VALUE_NULL
                                            ? p.getString()
                                            : null);
                    case "features" -> {
                        if (value != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            continue; // reported as missing features
                        }
                        readFeatures(p, builder);
                    }
                    default -> p.skipChildren();
                }
            }
            builder.end();
        }
    }

    private static void readFeatures(JsonParser p, CandidateBatchBuilder builder) {
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            if (value.isNumeric()) {
                builder.feature(name, p.getDoubleValue());
            } else {
                builder.notANumber(name, describe(p, value));
                p.skipChildren();
            }
        }
    }

    private static String describe(JsonParser p, JsonToken value) {
        return switch (value) {
            case VALUE_STRING -> {
                String s = p.getString();
                yield "the text \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
            }
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> value.asString();
        };
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw invalid(
                    what,
                    "must be a JSON "
                            + (expected == JsonToken.START_ARRAY ? "array" : "object")
                            + " (was "
                            + (actual == null ? "the end of the body" : describe(p, actual))
                            + ")");
        }
    }

    private static InvalidCandidatesException invalid(String field, String message) {
        return new InvalidCandidatesException(List.of(CandidateProblem.ofRequest(field, message)));
    }
}
