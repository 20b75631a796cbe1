package org.ramsetu.app.platform;

import java.util.List;
import java.util.OptionalInt;
import org.ramsetu.app.launch.RamsetuLauncher;
import org.ramsetu.app.launch.RunningRamsetu;
import org.ramsetu.app.launch.Target;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.platform.api.PlatformInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app module's tests share the whole product: the {@code all} target on embedded defaults, with
 * the web app, the API description, the error pages and the operations endpoints the platform's own
 * API tests do without. Named in {@code META-INF/services}; it outranks the platform's starter,
 * which is on this module's test class path too.
 */
public final class ProductStarter implements PlatformInstance.Starter {

    @Override
    public int precedence() {
        return 10;
    }

    @Override
    public PlatformInstance.Running start(RamsetuSettings settings, List<String> arguments) {
        RunningRamsetu running =
                RamsetuLauncher.start(
                        Target.ALL, settings, OptionalInt.of(0), arguments.toArray(String[]::new));
        return new PlatformInstance.Running() {
            @Override
            public int port() {
                return running.port();
            }

            @Override
            public ConfigurableApplicationContext context() {
                return running.context();
            }

            @Override
            public void close() {
                running.close();
            }
        };
    }
}
