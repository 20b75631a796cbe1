package org.ramsetu.infra.flags;

/**
 * Tells the other instances that a flag changed, so they re-read the flags at once instead of at
 * their next refresh. Best effort: a lost notification only delays a change by the refresh
 * interval.
 */
public interface FlagChangeNotifier extends AutoCloseable {

    void announce(String key);

    @Override
    default void close() {}

    /** Without Redis: the other instances see the change at their next refresh. */
    static FlagChangeNotifier none() {
        return key -> {};
    }
}
