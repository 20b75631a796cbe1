package org.ramsetu.infra.testing;

import java.util.Map;
import java.util.function.Supplier;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Context runners for testing one of infra's configurations: each of them needs the {@code
 * ramsetuSettings} bean the application registers at start, and nothing else from the application.
 */
public final class SettingsContexts {

    private SettingsContexts() {}

    /** A runner whose settings are read from {@code env}, as the application reads its own. */
    public static ApplicationContextRunner fromEnvironment(Map<String, String> env) {
        return withSettings(() -> RamsetuSettings.fromEnvironment(env));
    }

    /** A runner whose settings {@code settings} gives when the context starts. */
    public static ApplicationContextRunner withSettings(Supplier<RamsetuSettings> settings) {
        return new ApplicationContextRunner()
                .withBean("ramsetuSettings", RamsetuSettings.class, settings);
    }
}
