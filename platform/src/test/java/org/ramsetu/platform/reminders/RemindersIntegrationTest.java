package org.ramsetu.platform.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.infra.queue.outbox.JobRequested;
import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.ramsetu.infra.testing.DirectWorkContext;
import org.ramsetu.infra.testing.TestDatabase;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.registry.attention.ReminderView;
import org.ramsetu.platform.registry.attention.Reminders;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.security.RecordAccess;
import org.ramsetu.platform.testing.MutableClock;
import org.ramsetu.platform.testing.TestPledges;
import org.ramsetu.platform.testing.TestProfiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders on a real PostgreSQL with every migration: what the lists hold, the daily digest mail
 * (its content, one per coordinator, none twice), and who may read the list. The mail jobs are
 * taken where the application's outbox takes them, from the job scheduler's published events.
 */
class RemindersIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-03-10T02:30:00Z"); // 08:00 in India
    private static final String PATIENT_NAME = "Asha Patil";

    private static TestDatabase database;
    private static JdbcClient jdbc;
    private static TransactionTemplate tx;
    private static final MutableClock clock = new MutableClock(NOW);
    private static final List<JobRequested> jobs = new ArrayList<>();
    private static ReminderDigests digests;
    private static ReadingReminders reading;

    private static UUID coordinatorA;
    private static UUID coordinatorB;
    private static UUID patient;
    private static UUID dueSoon;
    private static UUID overdue;
    private static UUID dueLater;
    private static UUID matchedDue;
    private static UUID oldPending;
    private static UUID newPending;
    private static UUID oldListing;
    private static UUID newListing;

    @BeforeAll
    static void seed() throws Exception {
        database = TestDatabase.startInTemporaryFolder("ramsetu-reminders-db");
        jdbc = database.jdbc();
        tx = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        RemindersProperties properties =
                new RemindersProperties(
                        Duration.ofDays(7),
                        Duration.ofDays(3),
                        Duration.ofDays(1),
                        "08:00",
                        "Asia/Kolkata",
                        "https://ramsetu.example.in/",
                        50);
        Reminders reminders =
                new Reminders(
                        jdbc,
                        properties.labsDueWithin(),
                        properties.pledgePendingAfter(),
                        properties.listingPendingAfter());
        QueuedMail mail =
                new QueuedMail(
                        new JobScheduler(
                                event -> {
                                    synchronized (jobs) {
                                        jobs.add((JobRequested) event);
                                    }
                                }));
        digests = new ReminderDigests(reminders, mail, new Contacts(jdbc), jdbc, properties, clock);
        reading =
                new ReadingReminders(
                        reminders,
                        new RecordAccess(new AuditLog(jdbc, clock)),
                        clock,
                        properties.labsDueWithin(),
                        properties.pledgePendingAfter(),
                        properties.listingPendingAfter());

        coordinatorA = account("ADMIN", "Coordinator A");
        coordinatorB = account("ADMIN", "Coordinator B");
        patient = account("PATIENT", PATIENT_NAME);
        patientProfile(patient);
        // MELD 30 listed 2 days ago: labs valid 7 days, due in 5 → listed
        dueSoon = liver(patient, NOW.minus(Duration.ofDays(2)), 30, NOW.plus(Duration.ofDays(5)));
        UUID second = account("PATIENT", "Ravi Kumar");
        patientProfile(second);
        overdue = liver(second, NOW.minus(Duration.ofDays(40)), 20, NOW.minus(Duration.ofDays(10)));
        UUID third = account("PATIENT", "Meena Das");
        patientProfile(third);
        dueLater = liver(third, NOW.minus(Duration.ofDays(1)), 15, NOW.plus(Duration.ofDays(89)));
        UUID fourth = account("PATIENT", "Joseph Thomas");
        patientProfile(fourth);
        matchedDue =
                liver(fourth, NOW.minus(Duration.ofDays(9)), 28, NOW.minus(Duration.ofDays(2)));
        jdbc.sql("update transplant_request set status = 'MATCHED' where id = :id")
                .param("id", matchedDue)
                .update();

        // Awaiting their centre's verification for two days (listed) and for six hours (not yet).
        UUID fifth = account("PATIENT", "Anil Verma");
        patientProfile(fifth);
        oldListing = pendingKidney(fifth, NOW.minus(Duration.ofDays(2)));
        UUID sixth = account("PATIENT", "Sara Ali");
        patientProfile(sixth);
        newListing = pendingKidney(sixth, NOW.minus(Duration.ofHours(6)));

        UUID donor = account("DONOR", "Kiran Rao");
        donorProfile(donor);
        oldPending = pledge(donor, "KIDNEY", "PENDING", NOW.minus(Duration.ofDays(5)));
        newPending = pledge(donor, "LIVER", "PENDING", NOW.minus(Duration.ofDays(1)));
        UUID donor2 = account("DONOR", "Lata Iyer");
        donorProfile(donor2);
        pledge(donor2, "KIDNEY", "VERIFIED", NOW.minus(Duration.ofDays(30)));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theDigestListsWhatIsDueWithoutNamesOncePerCoordinatorAndDay() {
        List<JobRequested> first = runDigests(new DirectWorkContext.Ledger());

        assertThat(first).hasSize(2);
        assertThat(first)
                .extracting(JobRequested::idempotencyKey)
                .containsExactlyInAnyOrder(
                        "reminders-digest:2026-03-10:" + coordinatorA,
                        "reminders-digest:2026-03-10:" + coordinatorB);
        JsonNode mail = mailTo(first, "Coordinator A");
        String text = mail.path("text").asString();
        assertThat(mail.path("subject").asString())
                .isEqualTo(
                        "RamSetu reminders for 2026-03-10: 1 listings to verify, 2 labs due, 1"
                                + " pledges to verify");
        assertThat(text)
                .contains("request " + overdue + " · liver · MELD 20")
                .contains("labs overdue since 2026-02-28")
                .contains("request " + dueSoon + " · liver · MELD 30 · Test Hospital, Pune")
                .contains("labs due 2026-03-15")
                .contains("pledge " + oldPending + " · kidney · donor in Nashik")
                .contains("pending since 2026-03-05")
                .contains("request " + oldListing + " · kidney · Test Hospital, Pune")
                .contains("awaiting verification since 2026-03-08")
                .doesNotContain(newListing.toString())
                .doesNotContain("Anil Verma")
                .contains("https://ramsetu.example.in/coordinator/dashboard")
                .doesNotContain(dueLater.toString())
                .doesNotContain(matchedDue.toString())
                .doesNotContain(newPending.toString())
                .doesNotContain(PATIENT_NAME)
                .doesNotContain("Ravi Kumar")
                .doesNotContain("Kiran Rao");
        // the most overdue first
        assertThat(text.indexOf(overdue.toString())).isLessThan(text.indexOf(dueSoon.toString()));
        assertThat(mail.path("html").asString()).contains("<pre>");

        // a re-run the same day (a new execution, not a resumed one) mails nobody twice
        List<JobRequested> again = runDigests(new DirectWorkContext.Ledger());
        assertThat(again).isEmpty();
        assertThat(
                        jdbc.sql("select count(*) from reminder_digest where digest_on = :day")
                                .param("day", LocalDate.of(2026, 3, 10))
                                .query(Long.class)
                                .single())
                .isEqualTo(2L);
    }

    @Test
    void coordinatorsPageThroughTheListAndEachListingReadIsAudited() {
        CurrentUser coordinator = new CurrentUser(coordinatorA, Role.ADMIN);
        long auditsBefore = medicalReads(coordinatorA);

        Page<ReminderView> page1 = reading.list(coordinator, null, PageRequest.of(2, null));
        Page<ReminderView> page2 =
                reading.list(coordinator, null, PageRequest.of(2, page1.nextCursor()));
        Page<ReminderView> pledges =
                reading.list(coordinator, "pledge_pending", PageRequest.of(10, null));

        assertThat(page1.items()).extracting(ReminderView::id).containsExactly(overdue, oldPending);
        assertThat(page1.items().get(0).overdue()).isTrue();
        assertThat(page1.items().get(0).meld()).isEqualTo(20);
        assertThat(page2.items()).extracting(ReminderView::id).containsExactly(oldListing, dueSoon);
        assertThat(page2.items().get(0).kind()).isEqualTo(ReminderView.LISTING_PENDING);
        assertThat(page2.items().get(1).overdue()).isFalse();
        assertThat(page2.nextCursor()).isNull();
        assertThat(pledges.items()).extracting(ReminderView::id).containsExactly(oldPending);
        // three listings read by the coordinator: three medical-record audit rows
        assertThat(medicalReads(coordinatorA) - auditsBefore).isEqualTo(3);
        assertThat(reading.summary(coordinator).labsDue()).isEqualTo(2);
        assertThat(reading.summary(coordinator).pledgesPending()).isEqualTo(1);
        assertThat(reading.summary(coordinator).listingsPending()).isEqualTo(1);
        assertThat(reading.list(coordinator, "listing_pending", PageRequest.of(10, null)).items())
                .extracting(ReminderView::id)
                .containsExactly(oldListing);
    }

    @Test
    void patientsAndDonorsMayNotReadReminders() {
        assertThatThrownBy(
                        () ->
                                reading.list(
                                        new CurrentUser(patient, Role.PATIENT),
                                        null,
                                        PageRequest.of(null, null)))
                .isInstanceOfSatisfying(
                        Forbidden.class, p -> assertThat(p.getMessage()).contains("coordinator"));
        assertThatThrownBy(() -> reading.summary(new CurrentUser(UUID.randomUUID(), Role.DONOR)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(
                        () ->
                                reading.list(
                                        new CurrentUser(coordinatorA, Role.ADMIN),
                                        "SPLEEN",
                                        PageRequest.of(null, null)))
                .isInstanceOf(InvalidInput.class);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static List<JobRequested> runDigests(DirectWorkContext.Ledger ledger) {
        int before;
        synchronized (jobs) {
            before = jobs.size();
        }
        digests.run(new DirectWorkContext(ReminderDigests.NAME, "recurring", NOW, tx, ledger));
        synchronized (jobs) {
            return List.copyOf(jobs.subList(before, jobs.size()));
        }
    }

    private static JsonNode mailTo(List<JobRequested> mails, String name) {
        JsonMapper json = JsonMapper.builder().build();
        return mails.stream()
                .map(j -> json.readTree(j.payload()))
                .filter(m -> m.toString().contains(name))
                .findFirst()
                .orElseThrow();
    }

    private static long medicalReads(UUID actor) {
        return jdbc.sql(
                        "select count(*) from audit_event where actor_id = :actor"
                                + " and action = 'MEDICAL_RECORD_READ'")
                .param("actor", actor)
                .query(Long.class)
                .single();
    }

    private static UUID account(String role, String name) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(NOW.minus(Duration.ofDays(100)));
        jdbc.sql(
                        """
                        insert into account (id, email, email_key, role, full_name, password_hash,
                            verified_at, created_at, password_changed_at)
                        values (:id, :email, :email, :role, :name, 'not a hash', :at, :at, :at)
                        """)
                .param("id", id)
                .param("email", id + "@example.org")
                .param("role", role)
                .param("name", name)
                .param("at", at)
                .update();
        return id;
    }

    private static void patientProfile(UUID id) {
        TestProfiles.patient(id).createdAt(NOW.minus(Duration.ofDays(100))).insert(jdbc);
    }

    private static void donorProfile(UUID id) {
        TestProfiles.donor(id)
                .bloodGroup("B+")
                .livingIn("Nashik", "Maharashtra")
                .at(19.99, 73.79)
                .createdAt(NOW.minus(Duration.ofDays(100)))
                .insert(jdbc);
    }

    private static UUID liver(UUID patient, Instant listed, int meld, Instant due) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into transplant_request (id, patient_id, organ, status, urgency,
                            clinical, meld_na, meld_na_version, meld_3, meld_3_version, listed_at,
                            status_changed_at)
                        values (:id, :patient, 'LIVER', 'WAITING', 3, '{}'::jsonb, :meld,
                            'MELD-Na/OPTN-2016', :meld, 'MELD-3.0/Kim-2021', :listed, :listed)
                        """)
                .param("id", id)
                .param("patient", patient)
                .param("meld", meld)
                .param("listed", Timestamp.from(listed))
                .update();
        jdbc.sql(
                        "insert into transplant_request_labs (request_id, labs_reported_at,"
                                + " labs_due_at) values (:id, :listed, :due)")
                .param("id", id)
                .param("listed", Timestamp.from(listed))
                .param("due", Timestamp.from(due))
                .update();
        return id;
    }

    /** A kidney request PENDING_VERIFICATION (stored 'PENDING') since {@code since}. */
    private static UUID pendingKidney(UUID patient, Instant since) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into transplant_request (id, patient_id, organ, status, urgency,
                            clinical, listed_at, status_changed_at)
                        values (:id, :patient, 'KIDNEY', 'PENDING', 3, '{}'::jsonb, :since, :since)
                        """)
                .param("id", id)
                .param("patient", patient)
                .param("since", Timestamp.from(since))
                .update();
        return id;
    }

    private static UUID pledge(UUID donor, String organ, String status, Instant created) {
        return TestPledges.insert(jdbc, donor, organ, status, created);
    }
}
