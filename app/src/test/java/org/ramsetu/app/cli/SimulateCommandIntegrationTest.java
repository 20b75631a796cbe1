package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ramsetu simulate}: compares policy versions on the demo waiting list, writing nothing. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulateCommandIntegrationTest {

    @RegisterExtension static final CommandDatabase db = new CommandDatabase();
    private final CommandRuns cli = new CommandRuns(db.connection());

    @Test
    @Order(1) // before the demo list is loaded
    void anEmptyWaitingListIsNamedWithTheCommandThatFillsIt() {
        int exit = cli.run("simulate", "--organ", "heart", "--donors", "10", "--days", "10");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err())
                .contains("no WAITING HEART transplant requests")
                .contains("ramsetu demo");
    }

    @Test
    @Order(2)
    void comparesEveryPolicyVersionOnTheDemoListAsATableOrJsonAndWritesNothing() {
        assertThat(cli.run("demo", "--donors", "200", "--patients", "400")).as(cli.err()).isZero();
        long runsBefore = db.count("select count(*) from allocation_run");

        int table = cli.run("simulate", "--organ", "kidney", "--donors", "30", "--days", "60");
        String printed = cli.out();
        cli.forgetOut();
        int json =
                cli.run(
                        "simulate",
                        "--organ",
                        "KIDNEY",
                        "--donors",
                        "30",
                        "--days",
                        "60",
                        "--policy",
                        "allocation/ramsetu-2026-2",
                        "--format",
                        "json");

        assertThat(table).as(cli.err()).isZero();
        assertThat(printed)
                .contains("Allocation simulation: KIDNEY, 30 donor organs over 60 days (seed 7)")
                .contains("allocation/ramsetu-2026-1")
                .contains("allocation/ramsetu-2026-2")
                .contains("median waiting at transplant (days)")
                .contains("zero-mismatch kidneys")
                .contains("expected deaths on the list")
                .contains("  urgency 5 (");
        assertThat(json).as(cli.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(cli.out());
        assertThat(report.path("policies")).hasSize(1);
        JsonNode outcome = report.path("policies").get(0);
        assertThat(outcome.path("policyId").asString()).isEqualTo("allocation/ramsetu-2026-2");
        assertThat(outcome.path("transplants").asInt() + outcome.path("unplaced").asInt())
                .isEqualTo(30);
        assertThat(db.count("select count(*) from allocation_run")).isEqualTo(runsBefore);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(cli.run("simulate", "--organ", "lung")).isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("organ must be one of kidney, liver, heart, cornea");
        assertThat(cli.run("simulate", "--organ", "liver", "--days", "0"))
                .isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("--days must be 1 to 3650");
        assertThat(cli.run("simulate", "--organ", "liver", "--format", "xml"))
                .isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("--format must be table or json");
    }
}
