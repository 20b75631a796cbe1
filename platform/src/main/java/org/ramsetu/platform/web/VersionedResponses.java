package org.ramsetu.platform.web;

import java.net.URI;
import org.ramsetu.platform.records.ETags;
import org.ramsetu.platform.records.VersionedRecord;
import org.springframework.http.ResponseEntity;

/**
 * Answers that carry one versioned record: its version goes out as the {@code ETag} a later change
 * names in {@code If-Match}.
 */
public final class VersionedResponses {

    private VersionedResponses() {}

    /** 200 with the record and its {@code ETag}. */
    public static <V extends VersionedRecord> ResponseEntity<V> ok(V record) {
        return ResponseEntity.ok().eTag(ETags.of(record.version())).body(record);
    }

    /**
     * 201 with the record, its {@code ETag} and its {@code Location} inside {@code collection}.
     *
     * @param collection the path records of this kind are created under, e.g. {@code
     *     /api/v1/pledges}
     */
    public static <V extends VersionedRecord> ResponseEntity<V> created(
            String collection, V record) {
        return ResponseEntity.created(URI.create(collection + "/" + record.id()))
                .eTag(ETags.of(record.version()))
                .body(record);
    }
}
