package org.ramsetu.app.launch;

import java.util.ArrayList;
import java.util.List;
import org.ramsetu.infra.settings.InvalidSettingsException;
import org.ramsetu.infra.settings.RamsetuSettings;

/**
 * Settings a split target cannot run without. {@code all} has an embedded default for each; a split
 * target would otherwise silently start its own private database and split the data.
 */
final class TargetRequirements {

    private TargetRequirements() {}

    static void check(Target target, RamsetuSettings settings) {
        List<String> missing = new ArrayList<>();
        if (target.usesDatabase() && !target.mayEmbedDatabase() && settings.database().isEmpty()) {
            missing.add(
                    "--target "
                            + target.id()
                            + " needs RAMSETU_DB_URL (the shared PostgreSQL, e.g."
                            + " jdbc:postgresql://db:5432/ramsetu)");
        }
        // docs/api.md: required outside all. api signs and checks tokens; worker and scoring check
        // coordinator tokens on their operations endpoints and must agree with api on the key.
        if (target != Target.ALL && settings.jwtSecret().isEmpty()) {
            missing.add(
                    "--target "
                            + target.id()
                            + " needs RAMSETU_JWT_SECRET (at least "
                            + RamsetuSettings.MIN_JWT_SECRET_LENGTH
                            + " characters, the same on every instance of every target)");
        }
        if (!missing.isEmpty()) {
            throw new InvalidSettingsException(missing);
        }
    }
}
