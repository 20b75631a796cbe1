package org.ramsetu.platform.records;

import java.util.UUID;

/**
 * A record as the API shows it: found by its id, and changed only by a caller naming the version it
 * read (the record's {@code ETag}).
 */
public interface VersionedRecord {

    UUID id();

    long version();
}
