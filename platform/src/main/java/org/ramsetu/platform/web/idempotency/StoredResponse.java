package org.ramsetu.platform.web.idempotency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The first response to a keyed request, as it is replayed: status, the headers that matter to a
 * client (where the record is, its version, the body's type) and the body as written.
 *
 * @param body the JSON text, or null for an empty body
 */
public record StoredResponse(int status, Map<String, String> headers, String body) {

    /** The headers worth replaying; others (dates, tracing) belong to each answer. */
    static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

    /** Replayed answers say so, for clients and for whoever reads a trace. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public StoredResponse {
        headers = Map.copyOf(headers);
    }

    static StoredResponse of(int status, HttpHeaders from, String body, String contentType) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = from.getFirst(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        if (body != null) {
            kept.putIfAbsent(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return new StoredResponse(status, kept, body);
    }

    ResponseEntity<Object> toResponse(boolean replayed) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        headers.forEach(response::header);
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.body(body);
    }
}
