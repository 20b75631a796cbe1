package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ramsetu demo}: realistic, complete, and idempotent. */
class DemoCommandIntegrationTest {

    @RegisterExtension static final CommandDatabase db = new CommandDatabase();
    private final CommandRuns cli = new CommandRuns(db.connection());

    @Test
    void loadsEveryOrganAndBloodGroupAcrossCitiesAndAddsOnlyWhoIsMissingOnTheNextRun() {
        int first = cli.run("demo", "--donors", "400", "--patients", "200");
        long pledges = db.count("select count(*) from pledge");
        long analysedAfterFirst = pledgeAnalyses();
        int again = cli.run("demo", "--donors", "400", "--patients", "200");
        long analysedAfterAgain = pledgeAnalyses();
        int grown = cli.run("demo", "--donors", "500", "--patients", "200");

        assertThat(first).as(cli.err()).isZero();
        assertThat(again).isZero();
        assertThat(grown).isZero();
        assertThat(cli.out())
                .contains("Added 400 donors")
                .contains("Added 0 donors with 0 pledges and 0 patients")
                .contains("Added 100 donors")
                .contains("donor.000001@demo.ramsetu.in");
        assertThat(db.count("select count(*) from account where email like '%@demo.ramsetu.in'"))
                .isEqualTo(700);
        assertThat(db.count("select count(distinct organ) from pledge")).isEqualTo(4);
        assertThat(db.count("select count(distinct organ) from transplant_request")).isEqualTo(4);
        assertThat(db.count("select count(distinct blood_group) from donor_profile"))
                .isGreaterThanOrEqualTo(6);
        assertThat(db.count("select count(distinct city) from donor_profile")).isGreaterThan(20);
        assertThat(db.count("select count(*) from pledge where status = 'VERIFIED'"))
                .isGreaterThan(pledges / 2);
        assertThat(
                        db.count(
                                "select count(*) from transplant_request where organ = 'LIVER' and meld_na is null"))
                .as("every liver listing has its MELD-Na computed by the registry")
                .isZero();
        assertThat(db.count("select count(*) from donor_profile where hla_typing is not null"))
                .isGreaterThan(300);
        // Statistics are refreshed after each load that added people, and only then.
        assertThat(cli.out()).contains("Planner statistics refreshed");
        assertThat(analysedAfterFirst).isPositive();
        assertThat(analysedAfterAgain).isEqualTo(analysedAfterFirst);
        assertThat(pledgeAnalyses()).isGreaterThan(analysedAfterAgain);
    }

    /** How often the pledge table was analysed by hand (autovacuum counts apart). */
    private static long pledgeAnalyses() {
        return db.count("select analyze_count from pg_stat_user_tables where relname = 'pledge'");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(cli.run("demo", "--donors", "-1")).isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("--donors must be 0 to 10,000,000");
    }
}
