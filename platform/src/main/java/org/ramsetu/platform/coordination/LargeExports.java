package org.ramsetu.platform.coordination;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.security.CurrentUser;

/**
 * Exports too large to stream within a request: above a row threshold they are queued as a
 * background job instead (implemented by the reporting feature, which owns the job and its files).
 * Where no implementation is wired every export streams, as before.
 */
public interface LargeExports {

    /**
     * Queues the export when {@code query} has more rows than the threshold.
     *
     * @return the queued export, or empty when the export is small enough to stream now
     */
    Optional<Queued> queueIfLarge(
            CurrentUser coordinator,
            String kind,
            Map<String, String> filters,
            ListQuery.Statement query);

    /**
     * @param rowsAtLeast the export has at least this many rows (counting stops past the threshold)
     */
    record Queued(UUID id, URI status, long rowsAtLeast) {}
}
