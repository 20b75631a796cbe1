package org.ramsetu.platform.rankingruns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Walks the latest ranking run of each listing (a request or a pledge) in the listing id's order, a
 * window at a time, and keeps the runs a re-processing batch ranks again: stale by the run's own
 * columns, which the runs' owner judges in its SQL, and of a listing that still counts, which the
 * registry judges through its face. Two owners answer their own question; no statement joins their
 * tables.
 */
public final class LatestRunWalk {

    /** Listings examined per round trip to each owner. */
    static final int WINDOW = 1_000;

    /** Before every id in PostgreSQL's order (it compares uuids as unsigned bytes). */
    private static final UUID FIRST = new UUID(0, 0);

    /** The latest run of one listing, and whether the run itself is stale. */
    public record LatestRun(UUID listing, UUID run, boolean stale) {

        /** From a row whose columns are the listing's id, the run's id and whether it is stale. */
        public static LatestRun of(ResultSet rs, int row) throws SQLException {
            return new LatestRun(
                    rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3));
        }
    }

    /**
     * The latest run of each listing after {@code after}, in listing order, at most {@code size}.
     */
    @FunctionalInterface
    public interface LatestRuns {
        List<LatestRun> after(UUID after, int size);
    }

    /** The listings among {@code listings} that still count. */
    @FunctionalInterface
    public interface StillListed {
        Set<UUID> among(Set<UUID> listings);
    }

    private LatestRunWalk() {}

    /**
     * Up to {@code limit} stale runs of listings that still count, after {@code after} (null: from
     * the first), in listing order. Empty only when no listing after {@code after} has one.
     */
    public static List<LatestRun> open(
            LatestRuns latest, StillListed listed, UUID after, int limit) {
        List<LatestRun> open = new ArrayList<>();
        UUID cursor = after == null ? FIRST : after;
        while (open.size() < limit) {
            List<LatestRun> window = latest.after(cursor, WINDOW);
            for (LatestRun run : stillListed(window, listed)) {
                if (open.size() == limit) {
                    break;
                }
                open.add(run);
            }
            if (window.size() < WINDOW) {
                break;
            }
            cursor = window.get(window.size() - 1).listing();
        }
        return open;
    }

    /** How many stale runs of listings that still count there are. */
    public static int count(LatestRuns latest, StillListed listed) {
        int count = 0;
        UUID cursor = FIRST;
        while (true) {
            List<LatestRun> window = latest.after(cursor, WINDOW);
            count += stillListed(window, listed).size();
            if (window.size() < WINDOW) {
                return count;
            }
            cursor = window.get(window.size() - 1).listing();
        }
    }

    private static List<LatestRun> stillListed(List<LatestRun> window, StillListed listed) {
        Set<UUID> stale = new LinkedHashSet<>();
        for (LatestRun run : window) {
            if (run.stale()) {
                stale.add(run.listing());
            }
        }
        if (stale.isEmpty()) {
            return List.of();
        }
        Set<UUID> counting = listed.among(stale);
        return window.stream().filter(r -> r.stale() && counting.contains(r.listing())).toList();
    }
}
