package org.ramsetu.platform.rankingruns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An open ranking run that a re-processing batch ranks again, and its position in the batch's walk:
 * the id of the request (a match run) or the pledge (an allocation run) it ranked. Batches walk in
 * that key's order, a chunk at a time, so that a batch never holds more than one chunk of ids
 * whatever the registry's size.
 */
public record OpenRun(UUID key, UUID runId) {

    /** From a row whose first two columns are the key and the run's id. */
    public static OpenRun of(ResultSet rs, int row) throws SQLException {
        return new OpenRun(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
    }
}
