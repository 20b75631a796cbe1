package org.ramsetu.platform.registry.common;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A life cycle as data: which action leads from which state to which. Anything not listed is
 * refused. Framework-free, so each life cycle can be unit-tested pair by pair.
 */
public final class TransitionTable<S extends Enum<S>, A extends Enum<A>> {

    private final String kind;
    private final Map<S, Map<A, S>> next;
    private final Class<A> actions;

    private TransitionTable(String kind, Class<S> states, Class<A> actions) {
        this.kind = kind;
        this.next = new EnumMap<>(states);
        this.actions = actions;
    }

    public static <S extends Enum<S>, A extends Enum<A>> TransitionTable<S, A> of(
            String kind, Class<S> states, Class<A> actions) {
        return new TransitionTable<>(kind, states, actions);
    }

    /** Declares {@code from --action--> to}; used while building the table. */
    public TransitionTable<S, A> allow(S from, A action, S to) {
        next.computeIfAbsent(from, s -> new EnumMap<>(actions)).put(action, to);
        return this;
    }

    /**
     * @throws TransitionRefused when the action is not allowed in state {@code from}
     */
    public S next(S from, A action) {
        return find(from, action).orElseThrow(() -> new TransitionRefused(kind, from, action));
    }

    public Optional<S> find(S from, A action) {
        return Optional.ofNullable(next.getOrDefault(from, Map.of()).get(action));
    }
}
