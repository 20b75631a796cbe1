package org.ramsetu.core.archfixture;

import org.ramsetu.infra.settings.RamsetuSettings;

/** Test fixture: a "core" class with a forbidden dependency, to prove the rule fires. */
public class CoreClassThatUsesInfra {

    public RamsetuSettings settings() {
        return RamsetuSettings.fromEnvironment(java.util.Map.of());
    }
}
