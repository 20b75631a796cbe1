package org.ramsetu.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ramsetu}: the root command; each sub-command is one job of the binary. */
@Command(
        name = "ramsetu",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "RamSetu: organ donors, waiting patients and coordinators, matched.",
        subcommands = {
            ServeCommand.class,
            GenerateCommand.class,
            TrainCommand.class,
            ScoreCommand.class,
            AdminCommand.class,
            DemoCommand.class,
            SimulateCommand.class,
            SmokeCommand.class,
            ReprocessCommand.class,
            AuditCommand.class,
            CommandLine.HelpCommand.class
        })
public class RamsetuCommand implements Runnable {

    /** Exit code for a bad command line (unknown command, option or value). */
    public static final int EXIT_USAGE = 2;

    /** Exit code for a missing or malformed {@code RAMSETU_*} setting (sysexits EX_CONFIG). */
    public static final int EXIT_CONFIG = 78;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static int run(String... args) {
        return commandLine(
                        new PrintWriter(System.out, true),
                        new PrintWriter(System.err, true),
                        System.getenv())
                .execute(args);
    }

    /** The command line reading settings from {@code environment} (tests pass their own). */
    public static CommandLine commandLine(
            PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory =
                new CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> type) throws Exception {
                        K created = defaults.create(type);
                        if (created instanceof ServeCommand serve) {
                            serve.environment = environment;
                        }
                        if (created instanceof DemoCommand demo) {
                            demo.environment = environment;
                        }
                        if (created instanceof SimulateCommand simulate) {
                            simulate.environment = environment;
                        }
                        if (created instanceof AdminCommand.Create admin) {
                            admin.environment = environment;
                        }
                        if (created instanceof ReprocessCommand.OnDatabase reprocess) {
                            reprocess.environment = environment;
                        }
                        if (created instanceof AuditCommand.Verify verify) {
                            verify.environment = environment;
                        }
                        if (created instanceof ScoringCommandSupport scoring) {
                            scoring.environment = environment;
                        }
                        return created;
                    }
                };
        CommandLine cli = new CommandLine(new RamsetuCommand(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(RamsetuCommand::oneLineUsageError);
        cli.setExecutionExceptionHandler(new ExecutionErrorHandler());
        return cli;
    }

    /** A usage error is one line naming the problem and where help is, then exit code 2. */
    private static int oneLineUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
        return EXIT_USAGE;
    }
}
