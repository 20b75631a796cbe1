package org.ramsetu.infra.database;

import java.util.EnumSet;
import java.util.Set;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A Flyway callback that acts on a fixed set of migration events and may do so inside the
 * migration's transaction. Our callbacks differ only in what {@link #handle} does, so the rest of
 * what Flyway asks of a callback lives here once.
 */
abstract class MigrationCallback implements Callback {

    private final String name;
    private final Set<Event> events;

    MigrationCallback(String name, Event event, Event... moreEvents) {
        this.name = name;
        this.events = EnumSet.of(event, moreEvents);
    }

    @Override
    public final boolean supports(Event event, Context context) {
        return events.contains(event);
    }

    @Override
    public final boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public final String getCallbackName() {
        return name;
    }
}
