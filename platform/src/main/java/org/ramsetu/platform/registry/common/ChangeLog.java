package org.ramsetu.platform.registry.common;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change log that triggers keep beside a generation counter, for the registry's in-memory reads
 * (the verified pledges: V210; the waiting lists: V232). The triggers raise the counter in the same
 * transaction as every change that matters and log the keys it touched, so a reader holding rows
 * read at one generation can tell, inside one repeatable-read transaction, which keys to read again
 * to be current at a later one, or that it must read everything again: when it is further behind
 * than the log reaches (the triggers prune older generations), or when so many keys changed that
 * one full read is cheaper than reading them by id.
 *
 * <p>Both calls must run in the reader's repeatable-read transaction, with the read of the rows
 * they lead to: then the generation, the log and the rows agree.
 *
 * @param <K> the key the triggers log (a donor's or a request's id)
 */
public final class ChangeLog<K> {

    private final JdbcClient jdbc;
    private final String generationQuery;
    private final String changedQuery;
    private final String keysCalled;
    private final Class<K> keyType;
    private final long loggedGenerations;
    private final int fullReadAbove;

    /**
     * The statements are written out in full by the reader, so that every table they read stays
     * named in the source (and checked for its owner).
     *
     * @param generationQuery reads the one generation of the counter
     * @param changedQuery reads the distinct keys logged at generations in ({@code :since}, {@code
     *     :upTo}]
     * @param keysCalled what the keys stand for, in the reasons for a full read ("donors")
     * @param loggedGenerations how many generations the triggers keep at least
     * @param fullReadAbove past this many changed keys, read everything again
     */
    public ChangeLog(
            JdbcClient jdbc,
            String generationQuery,
            String changedQuery,
            String keysCalled,
            Class<K> keyType,
            long loggedGenerations,
            int fullReadAbove) {
        this.jdbc = jdbc;
        this.generationQuery = generationQuery;
        this.changedQuery = changedQuery;
        this.keysCalled = keysCalled;
        this.keyType = keyType;
        this.loggedGenerations = loggedGenerations;
        this.fullReadAbove = fullReadAbove;
    }

    /** The generation the counter stands at, as the current transaction sees it. */
    public long generation() {
        return jdbc.sql(generationQuery).query(Long.class).single();
    }

    /**
     * What rows read at generation {@code since} need to be current at {@code upTo} (the counter's
     * generation in this transaction): the keys logged in between, or a full read and why.
     */
    public CatchUp<K> since(long since, long upTo) {
        if (upTo - since > loggedGenerations) {
            return CatchUp.fullRead("far behind the change log");
        }
        if (upTo <= since) {
            return new CatchUp<>(null, List.of());
        }
        List<K> changed =
                jdbc.sql(changedQuery)
                        .param("since", since)
                        .param("upTo", upTo)
                        .query(keyType)
                        .list();
        if (changed.size() > fullReadAbove) {
            return CatchUp.fullRead(changed.size() + " " + keysCalled + " changed");
        }
        return new CatchUp<>(null, changed);
    }

    /**
     * Either a full read is due ({@code fullReadBecause} says why) or the keys to read again
     * ({@code changed}, each once; empty when nothing changed).
     */
    public record CatchUp<K>(@Nullable String fullReadBecause, List<K> changed) {

        static <K> CatchUp<K> fullRead(String because) {
            return new CatchUp<>(because, List.of());
        }

        public boolean inFull() {
            return fullReadBecause != null;
        }
    }
}
