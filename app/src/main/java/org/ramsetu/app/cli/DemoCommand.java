package org.ramsetu.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.ramsetu.infra.database.PlannerStatistics;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.platform.accounts.PasswordHasher;
import org.ramsetu.platform.demo.DemoLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ramsetu demo}: realistic demo donors, pledges, patients and waiting-list requests. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Loads demo donors (profiles and pledges of every organ) and patients (profiles and"
                    + " transplant requests) across Indian cities, idempotently: running it again"
                    + " adds only who is missing, so --donors can grow. With a coordinator"
                    + " account, also transplant centres, donation cases and the offer histories"
                    + " of past cases.",
            "Demo accounts are verified; they sign in with the password '"
                    + DemoLoader.DEMO_PASSWORD
                    + "'."
        })
public class DemoCommand implements Callable<Integer> {

    /** Replaced by tests through {@link RamsetuCommand#commandLine}. */
    Map<String, String> environment = System.getenv();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--donors",
            defaultValue = "2000",
            description = "Donors (default ${DEFAULT-VALUE}).")
    long donors;

    @Option(
            names = "--patients",
            description = "Patients on the waiting list (default: a quarter of --donors).")
    Long patients;

    @Option(
            names = "--seed",
            defaultValue = "7",
            description = "Which demo population (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--threads",
            defaultValue = "2",
            description = "Parallel batches (default ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (donors < 0 || donors > 10_000_000) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--donors must be 0 to 10,000,000, not " + donors);
        }
        long patientCount = patients == null ? donors / 4 : patients;
        if (patientCount < 0 || patientCount > 10_000_000) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--patients must be 0 to 10,000,000, not " + patientCount);
        }
        if (threads < 1 || threads > 16) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--threads must be 1 to 16");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long total = donors + patientCount;
        long started = System.nanoTime();
        try (DatabaseSession db =
                DatabaseSession.open(RamsetuSettings.fromEnvironment(environment))) {
            DemoLoader loader =
                    new DemoLoader(
                            db.jdbc(),
                            db.transactions(),
                            Clock.systemUTC(),
                            new PasswordHasher().hash(DemoLoader.DEMO_PASSWORD));
            AtomicLong lastTenth = new AtomicLong();
            DemoLoader.Loaded loaded =
                    loader.load(
                            donors,
                            patientCount,
                            seed,
                            threads,
                            done -> {
                                long tenth = total == 0 ? 10 : done * 10 / total;
                                if (tenth > lastTenth.getAndAccumulate(tenth, Math::max)) {
                                    err.printf(
                                            "demo: %d%% (%,d of %,d people)%n",
                                            tenth * 10, done, total);
                                }
                            });
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(
                    "Added %,d donors with %,d pledges and %,d patients with %,d transplant requests"
                            + " in %.1f s (already present: %,d people).%n",
                    loaded.donors(),
                    loaded.pledges(),
                    loaded.patients(),
                    loaded.requests(),
                    seconds,
                    total - loaded.donors() - loaded.patients());
            out.printf(
                    "Added %,d donation cases and %,d transplant centres.%n",
                    loaded.cases(), loaded.centres());
            if (loaded.takenOn() > 0) {
                out.printf(
                        "Listed %,d waiting requests, loaded before there was a coordinator, at"
                                + " their nearest demo centre.%n",
                        loaded.takenOn());
            }
            out.printf(
                    "Added %,d offer histories (past allocation runs and their offers).%n",
                    loaded.offerings());
            if (loaded.skippedWithoutCoordinator()) {
                out.println(
                        "No donation cases, transplant centres or offers: coordinators record"
                                + " them, and there is no coordinator account yet. Start the product once"
                                + " with RAMSETU_BOOTSTRAP_ADMIN_EMAIL and _PASSWORD, then run"
                                + " demo again.");
            }
            if (loaded.donors()
                            + loaded.patients()
                            + loaded.cases()
                            + loaded.centres()
                            + loaded.offerings()
                            + loaded.takenOn()
                    > 0) {
                // Runs must not be planned on the statistics of an emptier registry.
                PlannerStatistics.Refreshed refreshed = db.refreshStatistics();
                out.printf(
                        "Planner statistics refreshed for %d tables in %.1f s.%n",
                        refreshed.tables(), refreshed.took().toMillis() / 1e3);
            }
            out.printf(
                    "Sign in as %s or %s with the password '%s'.%n",
                    DemoLoader.donorEmail(1), DemoLoader.patientEmail(1), DemoLoader.DEMO_PASSWORD);
            return 0;
        }
    }
}
