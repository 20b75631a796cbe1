package org.ramsetu.scoring.runtime;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.registry.ModelCard;
import org.ramsetu.scoring.registry.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every organ's model in service on the version the registry chooses (the pinned one, or the
 * newest). Run at start-up and then periodically: a newly registered version is loaded and warmed
 * beside the old one, then swapped in atomically. A failure leaves the organ's current model (if
 * any) serving and is reported by {@link #problems()}.
 */
public final class ModelRefresh {

    private static final Logger log = LoggerFactory.getLogger(ModelRefresh.class);

    private final ModelRegistry registry;
    private final ModelLoader loader;
    private final LoadedModels models;
    private final ScoringMetrics metrics;
    private final Map<Organ, String> pinned;
    private final Optional<DefaultModels> defaults;
    private final Map<Organ, String> problems = new ConcurrentHashMap<>();
    private volatile boolean firstPassDone;

    public ModelRefresh(
            ModelRegistry registry,
            ModelLoader loader,
            LoadedModels models,
            ScoringMetrics metrics,
            Map<Organ, String> pinned,
            Optional<DefaultModels> defaults) {
        this.registry = registry;
        this.loader = loader;
        this.models = models;
        this.metrics = metrics;
        this.pinned = pinned.isEmpty() ? Map.of() : new EnumMap<>(pinned);
        this.defaults = defaults;
        for (Organ organ : Organ.values()) {
            problems.put(organ, "not loaded yet");
        }
    }

    /** One pass over all organs; safe to call repeatedly (only changed versions are loaded). */
    public synchronized void refresh() {
        for (Organ organ : Organ.values()) {
            try {
                refresh(organ);
                problems.remove(organ);
            } catch (RuntimeException e) {
                problems.put(organ, e.getMessage());
                log.error("{} model: {}", Organs.name(organ), e.getMessage(), e);
            }
        }
        metrics.modelsInService(inService());
        firstPassDone = true;
    }

    /** True once every organ has a loaded, warm model. */
    public boolean ready() {
        return firstPassDone && models.allLoaded();
    }

    /** What keeps an organ from its chosen model, by organ; empty when all is well. */
    public Map<Organ, String> problems() {
        return Map.copyOf(problems);
    }

    public List<ModelCard> inService() {
        return java.util.Arrays.stream(Organ.values())
                .map(models::current)
                .flatMap(Optional::stream)
                .map(LoadedModel::card)
                .toList();
    }

    private void refresh(Organ organ) {
        Optional<ModelCard> chosen = registry.choose(organ, Optional.ofNullable(pinned.get(organ)));
        if (chosen.isEmpty() && defaults.isPresent()) {
            log.info("no {} model registered: training a default one", Organs.name(organ));
            chosen = Optional.of(defaults.get().trainAndRegister(organ));
        }
        ModelCard card =
                chosen.orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "no "
                                                + Organs.name(organ)
                                                + " model registered; run 'ramsetu train --organ "
                                                + Organs.name(organ)
                                                + "'"));
        Optional<String> current = models.current(organ).map(m -> m.card().version());
        if (current.equals(Optional.of(card.version()))) {
            return;
        }
        models.install(loader.loadWarm(organ, card));
        log.info(
                "{} model {} in service (was {})",
                Organs.name(organ),
                card.version(),
                current.orElse("none"));
    }
}
