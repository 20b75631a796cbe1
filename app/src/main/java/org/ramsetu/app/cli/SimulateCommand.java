package org.ramsetu.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.allocation.simulation.PolicyOutcome;
import org.ramsetu.core.allocation.simulation.SimulationReport;
import org.ramsetu.core.allocation.simulation.SimulationSettings;
import org.ramsetu.core.eligibility.EligibilityRules;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.platform.allocation.policies.AllocationPolicies;
import org.ramsetu.platform.allocation.simulation.SimulatingAllocation;
import org.ramsetu.platform.registry.requests.WaitingList;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ramsetu simulate}: replays synthetic donor arrivals against the waiting list in the
 * database and compares allocation policy versions. In memory: nothing is written.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Replays synthetic donor organs arriving over a period against the WAITING list for"
                    + " the organ (load one with `ramsetu demo`) under each allocation policy"
                    + " version, and reports per version: transplants, median waiting time at"
                    + " transplant, expected deaths on the list by urgency tier (the proxy of"
                    + " docs/allocation.md), share of zero-mismatch kidneys, median distance.",
            "Deterministic for a seed; nothing is written to the database."
        })
public class SimulateCommand implements Callable<Integer> {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Replaced by tests through {@link RamsetuCommand#commandLine}. */
    Map<String, String> environment = System.getenv();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--organ", required = true, description = "kidney, liver, heart or cornea.")
    String organ;

    @Option(
            names = "--donors",
            defaultValue = "200",
            description = "Donor organs arriving (1 to 5,000; default ${DEFAULT-VALUE}).")
    int donors;

    @Option(
            names = "--days",
            defaultValue = "90",
            description = "Simulated period in days (1 to 3,650; default ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--policy",
            description = "A policy version to compare (repeatable; default: every version).")
    List<String> policies = new ArrayList<>();

    @Option(
            names = "--seed",
            defaultValue = "7",
            description = "Which synthetic donors (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "table or json (the JSON of GET /api/v1/admin/allocation-simulations).")
    String format;

    @Override
    public Integer call() throws Exception {
        Organ chosen = option("--organ", () -> Organ.parse(organ));
        if (donors < 1 || donors > SimulationSettings.MAX_DONORS) {
            throw usage("--donors must be 1 to " + SimulationSettings.MAX_DONORS);
        }
        if (days < 1 || days > SimulationSettings.MAX_DAYS) {
            throw usage("--days must be 1 to " + SimulationSettings.MAX_DAYS);
        }
        if (!format.equals("table") && !format.equals("json")) {
            throw usage("--format must be table or json, not " + format);
        }
        AllocationPolicies known =
                AllocationPolicies.load(
                        environment.getOrDefault(
                                "RAMSETU_ALLOCATION_POLICY", "allocation/ramsetu-2026-1"));
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        try (DatabaseSession db =
                DatabaseSession.open(RamsetuSettings.fromEnvironment(environment))) {
            SimulatingAllocation simulating =
                    new SimulatingAllocation(
                            new WaitingList(
                                    db.jdbc(), new DataSourceTransactionManager(db.dataSource())),
                            known,
                            EligibilityRules.defaults(),
                            Clock.systemUTC());
            SimulationReport report;
            try {
                report = simulating.simulate(chosen, donors, days, seed, policies);
            } catch (InvalidClinicalValueException e) {
                spec.commandLine().getErr().println("simulate: " + e.getMessage());
                return 1;
            }
            if (format.equals("json")) {
                out.println(JSON.writeValueAsString(report));
            } else {
                table(out, report, (System.nanoTime() - started) / 1e9);
            }
            return 0;
        }
    }

    private static void table(PrintWriter out, SimulationReport r, double seconds) {
        out.printf(
                Locale.ROOT,
                "Allocation simulation: %s, %,d donor organs over %,d days (seed %d), %,d waiting"
                        + " at the start; %.1f s%n",
                r.organ(),
                r.donors(),
                r.days(),
                r.seed(),
                r.waitingAtStart(),
                seconds);
        out.printf(
                "Expected deaths on the list: daily hazard of the urgency tier x days on the list"
                        + " (%s, docs/allocation.md).%n%n",
                r.deathProxy());
        List<String[]> rows = new ArrayList<>();
        List<PolicyOutcome> ps = r.policies();
        rows.add(row("measure", ps, PolicyOutcome::policyId));
        rows.add(row("transplants", ps, p -> Integer.toString(p.transplants())));
        rows.add(row("donor organs not placed", ps, p -> Integer.toString(p.unplaced())));
        rows.add(row("median waiting at transplant (days)", ps, p -> num(p.medianWaitingDays())));
        rows.add(row("median distance (km)", ps, p -> num(p.medianDistanceKm())));
        rows.add(
                row(
                        "zero-mismatch kidneys",
                        ps,
                        p ->
                                p.zeroMismatchShare() == null
                                        ? "-"
                                        : String.format(
                                                Locale.ROOT,
                                                "%.1f %%",
                                                100 * p.zeroMismatchShare())));
        rows.add(row("expected deaths on the list", ps, p -> num(p.expectedDeathsOnList())));
        for (String tier : r.waitingByTier().keySet()) {
            rows.add(
                    row(
                            "  " + tier + " (" + r.waitingByTier().get(tier) + " waiting)",
                            ps,
                            p -> num(p.expectedDeathsByTier().get(tier))));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String[] row(
            String label,
            List<PolicyOutcome> policies,
            java.util.function.Function<PolicyOutcome, String> value) {
        String[] row = new String[policies.size() + 1];
        row[0] = label;
        for (int i = 0; i < policies.size(); i++) {
            row[i + 1] = value.apply(policies.get(i));
        }
        return row;
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private <T> T option(String name, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidClinicalValueException e) {
            throw usage(name + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
