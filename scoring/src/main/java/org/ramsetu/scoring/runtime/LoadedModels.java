package org.ramsetu.scoring.runtime;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.ramsetu.core.organ.Organ;

/**
 * The model in service for each organ. A new version replaces the old one in a single atomic step;
 * a call that already holds the old one finishes on it (see {@link LoadedModel#acquire()}).
 */
public final class LoadedModels {

    private final Map<Organ, AtomicReference<LoadedModel>> current = new EnumMap<>(Organ.class);

    public LoadedModels() {
        for (Organ organ : Organ.values()) {
            current.put(organ, new AtomicReference<>());
        }
    }

    public Optional<LoadedModel> current(Organ organ) {
        return Optional.ofNullable(current.get(organ).get());
    }

    /** Puts {@code model} in service and retires the one it replaces. */
    public void install(LoadedModel model) {
        LoadedModel previous = current.get(model.organ()).getAndSet(model);
        if (previous != null) {
            previous.retire();
        }
    }

    /**
     * Runs {@code work} on the organ's current model, holding it so that a swap cannot free it
     * mid-call; empty when the organ has no model yet.
     */
    public <T> Optional<T> withModel(Organ organ, Function<LoadedModel, T> work) {
        AtomicReference<LoadedModel> ref = current.get(organ);
        while (true) {
            LoadedModel model = ref.get();
            if (model == null) {
                return Optional.empty();
            }
            if (model.acquire()) {
                try {
                    return Optional.of(work.apply(model));
                } finally {
                    model.release();
                }
            }
            // Freed between get() and acquire(): the reference already points at its successor.
        }
    }

    public boolean allLoaded() {
        return current.values().stream().allMatch(ref -> ref.get() != null);
    }

    /** Frees every model (shutdown). */
    public void retireAll() {
        current.values()
                .forEach(
                        ref ->
                                Optional.ofNullable(ref.getAndSet(null))
                                        .ifPresent(LoadedModel::retire));
    }
}
