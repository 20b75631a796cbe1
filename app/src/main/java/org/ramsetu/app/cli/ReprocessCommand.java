package org.ramsetu.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.reprocessing.Batch;
import org.ramsetu.platform.reprocessing.Batches;
import org.ramsetu.platform.reprocessing.ReprocessingAuditActions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ramsetu reprocess}: asks for a re-processing batch and follows batches, on the configured
 * database (docs/reprocessing.md). The CLI has no scheduler: {@code start} records the batch as
 * requested and the cluster's model watch schedules it within its interval (a minute).
 */
@Command(
        name = "reprocess",
        mixinStandardHelpOptions = true,
        description = {
            "Re-processing of open match and allocation runs after a model (or policy) change:"
                    + " new REPROCESSED runs beside the old ones, and how the rankings moved.",
            "A new model version starts a batch by itself; these commands start one by hand and"
                    + " show progress and figures."
        },
        subcommands = {
            ReprocessCommand.Start.class,
            ReprocessCommand.Status.class,
            CommandLine.HelpCommand.class
        })
public class ReprocessCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command (start, status)");
    }

    /** The settings source the sub-commands read; replaced by tests. */
    abstract static class OnDatabase {
        Map<String, String> environment = System.getenv();

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    }

    @Command(
            name = "start",
            mixinStandardHelpOptions = true,
            description = {
                "Asks for a batch for one organ; the cluster's model watch schedules it within a"
                        + " minute (a worker or all target must be running).",
                "--reason model ranks the open runs with the model served when the batch starts;"
                        + " --reason policy ranks the open allocation runs made under another"
                        + " policy than the active one."
            })
    static class Start extends OnDatabase implements Callable<Integer> {

        @Option(names = "--organ", required = true, description = "kidney, liver, heart or cornea.")
        String organ;

        @Option(
                names = "--reason",
                defaultValue = "model",
                description = "model or policy (default ${DEFAULT-VALUE}).")
        String reason;

        @Override
        public Integer call() throws Exception {
            Organ chosen;
            try {
                chosen = Organ.parse(organ);
            } catch (InvalidClinicalValueException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            String why = reason.trim().toUpperCase(Locale.ROOT);
            if (!why.equals("MODEL") && !why.equals("POLICY")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--reason must be model or policy, not " + reason);
            }
            String by = "cli:" + System.getProperty("user.name", "unknown");
            try (DatabaseSession db =
                    DatabaseSession.open(RamsetuSettings.fromEnvironment(environment))) {
                Clock clock = Clock.systemUTC();
                Batch batch =
                        db.transactions()
                                .execute(
                                        status -> {
                                            Batch b =
                                                    new Batches(db.jdbc(), clock)
                                                            .create(
                                                                    chosen,
                                                                    why,
                                                                    null,
                                                                    null,
                                                                    "REQUESTED",
                                                                    by);
                                            new AuditLog(db.jdbc(), clock)
                                                    .record(
                                                            AuditEntry.of(
                                                                            ReprocessingAuditActions
                                                                                    .BATCH_STARTED,
                                                                            AuditOutcome.SUCCESS)
                                                                    .on(
                                                                            ReprocessingAuditActions
                                                                                    .BATCH,
                                                                            b.id())
                                                                    .with(
                                                                            Map.of(
                                                                                    "organ",
                                                                                    chosen.name(),
                                                                                    "reason",
                                                                                    why,
                                                                                    "requestedBy",
                                                                                    by)));
                                            return b;
                                        });
                PrintWriter out = spec.commandLine().getOut();
                out.println("Batch " + batch.id() + " requested: " + chosen + ", reason " + why);
                out.println(
                        "The model watch schedules it within a minute; follow it with: ramsetu"
                                + " reprocess status --batch "
                                + batch.id());
                return 0;
            }
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "The newest batches, or one batch with its figures (--batch).")
    static class Status extends OnDatabase implements Callable<Integer> {

        @Option(names = "--batch", description = "A batch id.")
        UUID batch;

        @Option(
                names = "--limit",
                defaultValue = "10",
                description = "How many of the newest batches (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() throws Exception {
            if (limit < 1 || limit > 1_000) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--limit must be 1 to 1,000");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (DatabaseSession db =
                    DatabaseSession.open(RamsetuSettings.fromEnvironment(environment))) {
                Batches batches = new Batches(db.jdbc(), Clock.systemUTC());
                if (batch != null) {
                    var found = batches.find(batch);
                    if (found.isEmpty()) {
                        spec.commandLine().getErr().println("reprocess: no batch " + batch);
                        return 1;
                    }
                    detail(out, found.get());
                    return 0;
                }
                List<Batch> newest = batches.newest(limit);
                if (newest.isEmpty()) {
                    out.println("No re-processing batches yet.");
                    return 0;
                }
                out.printf(
                        "%-36s  %-6s  %-6s  %-9s  %-22s  %9s  %7s  %7s  %6s%n",
                        "batch", "organ", "reason", "state", "model", "done", "written", "changed",
                        "mean ρ");
                for (Batch b : newest) {
                    out.printf(
                            Locale.ROOT,
                            "%-36s  %-6s  %-6s  %-9s  %-22s  %9s  %7d  %7d  %6s%n",
                            b.id(),
                            b.organ(),
                            b.reason(),
                            b.state(),
                            b.modelVersion() == null ? "-" : b.modelVersion(),
                            done(b) + "/" + total(b),
                            b.runsWritten(),
                            b.rankingsChanged(),
                            num(b.meanCorrelation()));
                }
                return 0;
            }
        }

        private static void detail(PrintWriter out, Batch b) {
            out.println("Batch " + b.id());
            out.println("  organ:            " + b.organ() + ", reason " + b.reason());
            out.println(
                    "  model:            "
                            + orDash(b.modelVersion())
                            + " (previously "
                            + orDash(b.previousVersion())
                            + ")"
                            + (b.policyId() == null ? "" : ", policy " + b.policyId()));
            out.println("  state:            " + b.state() + " (asked by " + b.requestedBy() + ")");
            out.println(
                    "  times:            created "
                            + b.createdAt()
                            + ", started "
                            + orDash(b.startedAt())
                            + ", finished "
                            + orDash(b.finishedAt()));
            out.printf(
                    Locale.ROOT,
                    "  progress:         %d/%d runs (match %d/%d, allocation %d/%d)%n",
                    done(b),
                    total(b),
                    b.matchRunsDone(),
                    b.matchRunsTotal(),
                    b.allocationRunsDone(),
                    b.allocationRunsTotal());
            out.printf(
                    Locale.ROOT,
                    "  runs written:     %d (skipped %d)%n",
                    b.runsWritten(),
                    b.runsSkipped());
            out.printf(
                    Locale.ROOT,
                    "  rankings changed: %d (best candidates changed: %d)%n",
                    b.rankingsChanged(),
                    b.topChanged());
            out.printf(
                    Locale.ROOT,
                    "  Spearman ρ:       mean %s, lowest %s (over %d runs)%n",
                    num(b.meanCorrelation()),
                    num(b.minCorrelation()),
                    b.correlatedRuns());
            out.printf(Locale.ROOT, "  mean rank shift:  %s places%n", num(b.meanRankShift()));
            if (b.error() != null) {
                out.println("  last error:       " + b.error());
            }
        }

        private static int done(Batch b) {
            return b.matchRunsDone() + b.allocationRunsDone();
        }

        private static int total(Batch b) {
            return b.matchRunsTotal() + b.allocationRunsTotal();
        }

        private static String num(Double v) {
            return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
        }

        private static String orDash(Object v) {
            return v == null ? "-" : v.toString();
        }
    }
}
