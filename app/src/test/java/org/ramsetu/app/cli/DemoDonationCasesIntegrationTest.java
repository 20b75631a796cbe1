package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.platform.accounts.Account;
import org.ramsetu.platform.accounts.AccountRepository;
import org.ramsetu.platform.identity.Role;

/**
 * {@code ramsetu demo}, donation cases and transplant centres: added once a coordinator exists to
 * have recorded them (cases resting on verified demo pledges or on family consent), idempotently;
 * and no demo date lies in the future. Its own database: demo e-mail addresses do not depend on the
 * seed.
 */
class DemoDonationCasesIntegrationTest {

    @RegisterExtension static final CommandDatabase db = new CommandDatabase();
    private final CommandRuns cli = new CommandRuns(db.connection());

    @Test
    void donationCasesAndCentresComeOnceACoordinatorExistsAndNoDemoDateLiesInTheFuture() {
        int withoutCoordinator =
                cli.run("demo", "--donors", "300", "--patients", "10", "--seed", "7");
        String before = cli.out();
        new AccountRepository(db.jdbc())
                .insertIfAbsent(
                        new Account(
                                UUID.randomUUID(),
                                "demo-coordinator@example.org",
                                Role.ADMIN,
                                "Demo Coordinator",
                                "not-a-password-hash",
                                Instant.now(),
                                Instant.now()));
        // Thirty more patients: the ones a coordinator's demo lists at the centres.
        int withCoordinator = cli.run("demo", "--donors", "300", "--patients", "40", "--seed", "7");
        int again = cli.run("demo", "--donors", "300", "--patients", "40", "--seed", "7");

        assertThat(withoutCoordinator).as(cli.err()).isZero();
        assertThat(before)
                .contains("Added 0 donation cases and 0 transplant centres")
                .contains("no coordinator account");
        assertThat(withCoordinator).as(cli.err()).isZero();
        assertThat(again).isZero();
        assertThat(cli.out().substring(before.length()))
                .contains("Added 16 donation cases and 12 transplant centres")
                .contains("Added 0 donation cases and 0 transplant centres")
                .containsPattern("Added [1-9][0-9]* offer histories")
                .contains("Added 0 offer histories")
                .containsPattern(
                        "Listed [1-9][0-9]* waiting requests, loaded before there was a"
                                + " coordinator, at their nearest demo centre");
        assertThat(
                        db.count(
                                "select count(*) from transplant_request where status = 'WAITING' and"
                                        + " centre_id is null"))
                .as(
                        "the requests loaded before the coordinator are taken on too, so that offers"
                                + " find candidates at centres")
                .isZero();
        assertThat(db.count("select count(*) from donation_case")).isEqualTo(16);
        assertThat(db.count("select count(*) from transplant_centre")).isEqualTo(12);
        assertThat(
                        db.count(
                                "select count(*) from transplant_centre where 'KIDNEY' <> all"
                                        + " (programmes) or registration_number not like '%/DEMO/%'"))
                .as("every demo centre transplants kidneys and says it is a demo")
                .isZero();
        assertThat(db.count("select count(*) from donation_case where consent_basis = 'PLEDGE'"))
                .as("odd cases rest on a demo donor's verified pledge")
                .isPositive();
        assertThat(
                        db.count(
                                "select count(*) from donation_case c join pledge p on p.id = c.pledge_id"
                                        + " where p.status <> 'DONATED' or p.donor_id <> c.donor_id"))
                .as("the consenting pledge is exercised through the case")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from donation_case c join pledge p on p.donor_id ="
                                        + " c.donor_id where p.status in ('PENDING', 'VERIFIED')"
                                        + " or p.created_at > c.declared_dead_at"))
                .as("a donor who died has no open pledge, and pledged before dying")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from pledge where created_at > now()"
                                        + " or status_changed_at > now()"))
                .as("demo pledges reviewed in the future")
                .isZero();
        assertThat(db.count("select count(*) from transplant_request where centre_id is not null"))
                .as("the patients added with a coordinator are listed at demo centres")
                .isGreaterThanOrEqualTo(30);
        assertThat(
                        db.count(
                                "select count(*) from transplant_request r where centre_id is not"
                                        + " null and not exists (select 1 from transplant_centre c"
                                        + " where c.id = r.centre_id and r.organ = any(c.programmes))"))
                .as("each at a centre that transplants the organ")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from transplant_request where centre_id is not"
                                        + " null and status = 'WAITING' and verified_at is null"))
                .as("every waiting demo listing at a centre was verified")
                .isZero();
        assertThat(db.count("select count(*) from transplant_request where verified_at > now()"))
                .isZero();
        assertThat(db.count("select count(*) from donation_case where declared_dead_at > now()"))
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from donation_case where status = 'RECOVERED'"
                                        + " and (select count(*) from jsonb_object_keys(organ_assessments))"
                                        + " <> cardinality(organs_recovered)"))
                .as("every recovered organ of a demo case is assessed")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from donation_case where status = 'RECOVERED'"
                                        + " and cross_clamp_at > now() - interval '12 hours'"))
                .as("this morning's cases can be allocated at once")
                .isPositive();
        offerHistoriesAreWhatTheOfferRulesAllow();
    }

    /** The histories of past cases, checked against the rules live offers follow. */
    private static void offerHistoriesAreWhatTheOfferRulesAllow() {
        assertThat(db.count("select count(*) from organ_offer")).isPositive();
        assertThat(
                        db.count(
                                "select count(*) from allocation_run a where donation_case_id is"
                                        + " not null and not exists (select 1 from offer_sequence s"
                                        + " where s.allocation_run_id = a.id)"))
                .as("every past run was offered from")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from allocation_run a join donation_case c on"
                                        + " c.id = a.donation_case_id where a.created_at <"
                                        + " c.cross_clamp_at or c.cross_clamp_at > now() - interval"
                                        + " '3 days'"))
                .as("runs rank an organ after its recovery; this morning's cases are left alone")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from organ_offer where status in ('OFFERED',"
                                        + " 'PROVISIONAL') or offered_at > now() or answered_at >"
                                        + " now() or transplanted_at > now() or outcome_recorded_at"
                                        + " > now()"))
                .as("a history is over before now")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from organ_offer o join offer_sequence s on s.id ="
                                        + " o.sequence_id join allocation_run a on a.id ="
                                        + " s.allocation_run_id join transplant_request r on r.id ="
                                        + " o.request_id where o.offered_at < s.started_at or"
                                        + " s.started_at < a.created_at or r.listed_at > a.created_at"
                                        + " or r.verified_at > a.created_at or r.centre_id <>"
                                        + " o.centre_id or r.organ <> s.organ"))
                .as("offers go, after the run, to listings verified before it, at their centre")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from offer_sequence s where (status = 'ACCEPTED')"
                                        + " <> exists (select 1 from organ_offer o where o.sequence_id"
                                        + " = s.id and o.status = 'ACCEPTED') or status = 'OPEN'"))
                .as("a placed organ has its one acceptance; every offering ended")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from organ_offer o join transplant_request r on"
                                        + " r.id = o.request_id where o.status = 'ACCEPTED' and"
                                        + " r.status <> case when o.transplanted_at is null then"
                                        + " 'MATCHED' else 'TRANSPLANTED' end"))
                .as("an accepted offer's listing is matched, or transplanted once recorded")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from (select r.patient_id from organ_offer o join"
                                        + " transplant_request r on r.id = o.request_id where"
                                        + " o.status = 'ACCEPTED' group by r.patient_id having"
                                        + " count(*) > 1) twice"))
                .as("no patient receives two organs")
                .isZero();
        assertThat(
                        db.count(
                                "select count(*) from organ_offer o join offer_sequence s on s.id ="
                                        + " o.sequence_id where o.status = 'EXPIRED' and"
                                        + " o.answered_at <> o.respond_by or o.answered_at >"
                                        + " o.respond_by or o.respond_by > o.offered_at + make_interval("
                                        + " secs => s.response_seconds + s.provisional_seconds)"))
                .as("an offer is answered by its deadline; an expiry comes at it")
                .isZero();
    }
}
