package org.ramsetu.app.cli;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.ramsetu.app.launch.RamsetuLauncher;
import org.ramsetu.app.launch.RunningRamsetu;
import org.ramsetu.app.launch.Target;
import org.ramsetu.infra.settings.RamsetuSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code ramsetu serve}: runs one target until SIGTERM/Ctrl-C, then drains and stops cleanly. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a RamSetu target until stopped (SIGTERM or Ctrl-C drains, then stops).",
            "Settings come from RAMSETU_* environment variables; see the README."
        })
public class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--target",
            paramLabel = "TARGET",
            defaultValue = "all",
            converter = TargetConverter.class,
            description =
                    "all (everything, embedded defaults), api, scoring or worker. Default: ${DEFAULT-VALUE}.")
    Target target;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description =
                    "HTTP port. Default: 8080 for all/api, 8081 for scoring, 8082 for worker.")
    Integer port;

    @Spec CommandSpec spec;

    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 1 || port > 65535)) {
            throw new ParameterException(
                    spec.commandLine(), "--port must be 1-65535 (got " + port + ")");
        }
        RunningRamsetu running =
                RamsetuLauncher.start(
                        target,
                        RamsetuSettings.fromEnvironment(environment),
                        port == null ? OptionalInt.empty() : OptionalInt.of(port));
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "ramsetu-shutdown"));
        running.awaitClosed();
        return 0;
    }

    static final class TargetConverter implements ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            try {
                return Target.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
