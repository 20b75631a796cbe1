package org.ramsetu.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.platform.audit.AuditChain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ramsetu audit}: the audit log's hash chain on the configured database (docs/SECURITY.md,
 * "Tamper-evident audit").
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "The audit log's hash chain: verification and its head.",
        subcommands = {AuditCommand.Verify.class, CommandLine.HelpCommand.class})
public class AuditCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (verify)");
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Walks the whole chain and reports every sealed event deleted or changed, every"
                        + " chain entry removed or rewritten, and every event older than the"
                        + " sealer's look-back (15 minutes) that was never sealed.",
                "Prints the head (POSITION:HASH) to keep outside the database; with"
                        + " --expect-head an earlier head must still be in the chain, unchanged,"
                        + " which finds the newest entries removed together with their events.",
                "Exit 0: intact; 1: tampering found (each finding on stderr)."
            })
    static class Verify implements Callable<Integer> {

        Map<String, String> environment = System.getenv();

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--expect-head",
                paramLabel = "POSITION:HASH",
                description = "A head printed or logged earlier (the anchor).")
        String expectHead;

        @Override
        public Integer call() throws Exception {
            Optional<AuditChain.Head> anchor;
            try {
                anchor = Optional.ofNullable(expectHead).map(AuditChain.Head::parse);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--expect-head: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (DatabaseSession db =
                    DatabaseSession.open(RamsetuSettings.fromEnvironment(environment))) {
                AuditChain.Verification result =
                        new AuditChain(db.jdbc(), db.transactions(), Clock.systemUTC())
                                .verify(anchor);
                result.findings().forEach(f -> err.println("FAIL " + f));
                if (result.findingCount() > result.findings().size()) {
                    err.printf(
                            "FAIL … and %,d more%n",
                            result.findingCount() - result.findings().size());
                }
                out.printf(
                        "Audit chain: %,d entries, head %s%n",
                        result.entries(),
                        result.head().map(Object::toString).orElse("(nothing sealed yet)"));
                if (result.intact()) {
                    out.println("Intact.");
                    return 0;
                }
                out.printf(
                        "%,d findings: the audit log was tampered with.%n", result.findingCount());
                return 1;
            }
        }
    }
}
