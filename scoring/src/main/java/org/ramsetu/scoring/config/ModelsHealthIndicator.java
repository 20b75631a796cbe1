package org.ramsetu.scoring.config;

import org.ramsetu.scoring.runtime.ModelRefresh;
import org.ramsetu.scoring.runtime.Organs;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code models}: UP once every organ's model is loaded and warm; part of the readiness group of
 * the targets that serve scoring, so no traffic arrives before the models can answer it.
 */
final class ModelsHealthIndicator implements HealthIndicator {

    private final ModelRefresh refresh;

    ModelsHealthIndicator(ModelRefresh refresh) {
        this.refresh = refresh;
    }

    @Override
    public Health health() {
        Health.Builder health = refresh.ready() ? Health.up() : Health.down();
        refresh.inService().forEach(card -> health.withDetail(card.organ(), card.version()));
        refresh.problems()
                .forEach(
                        (organ, problem) ->
                                health.withDetail(Organs.name(organ) + ".problem", problem));
        return health.build();
    }
}
