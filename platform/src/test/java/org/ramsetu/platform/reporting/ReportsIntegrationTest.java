package org.ramsetu.platform.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.blob.BlobContent;
import org.ramsetu.infra.blob.LocalFolderBlobStore;
import org.ramsetu.infra.database.ReplicaReads;
import org.ramsetu.infra.mail.EmlFileMailer;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.infra.mail.OutgoingMail;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.infra.queue.outbox.JobRequested;
import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.ramsetu.infra.schedule.WorkStatus;
import org.ramsetu.infra.testing.DirectWorkContext;
import org.ramsetu.infra.testing.TestDatabase;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.coordination.ExportKinds;
import org.ramsetu.platform.coordination.LargeExports;
import org.ramsetu.platform.coordination.RegistryExport;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.matching.MatchingFigures;
import org.ramsetu.platform.registry.RegistryFigures;
import org.ramsetu.platform.security.CurrentUser;
import org.ramsetu.platform.testing.TestPledges;
import org.ramsetu.platform.testing.TestProfiles;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly registry report and large exports against a real PostgreSQL with every migration:
 * figures checked against the seeded rows, the PDF parsed back, the coordinators' mail, a second
 * generation that changes nothing, and an export above the threshold written by its job with
 * progress, then downloaded and audited.
 */
class ReportsIntegrationTest {

    private static TestDatabase database;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static ReplicaReads reads;

    private final Clock clock = Clock.systemUTC();
    private final List<JobRequested> queued = new ArrayList<>();
    private final QueuedMail mail =
            new QueuedMail(new JobScheduler(e -> queued.add((JobRequested) e)));
    private final ReportingProperties properties =
            new ReportingProperties(
                    2_500, Duration.ofDays(7), URI.create("https://ramsetu.example.org/"));
    @TempDir Path scratch;
    private Path blobFolder;
    private LocalFolderBlobStore blobs;

    @BeforeAll
    static void startDatabase() throws IOException {
        database = TestDatabase.startInTemporaryFolder("ramsetu-reports-db");
        jdbc = database.jdbc();
        DataSourceTransactionManager manager =
                new DataSourceTransactionManager(database.dataSource());
        transactions = new TransactionTemplate(manager);
        reads = ReplicaReads.primaryOnly(database.dataSource(), jdbc, manager);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    private MonthlyReports reports() throws IOException {
        blobFolder = Files.createTempDirectory(scratch, "blobs");
        blobs = new LocalFolderBlobStore(blobFolder, clock);
        ReportMails mails = new ReportMails(mail, new Contacts(jdbc), properties);
        // The one listener of a recorded report, called as Spring calls it: in the publisher's
        // transaction (MonthlyReportIntegrationTest covers the application's own wiring).
        ApplicationEventPublisher events = event -> mails.on((MonthlyReportRecorded) event);
        return new MonthlyReports(
                jdbc,
                blobs,
                new RegistryCounts(new RegistryFigures(reads), new MatchingFigures(reads), clock),
                events);
    }

    @Test
    void aMonthsReportCountsTheMonthsRowsByOrganStateAndCentreAndIsMailedOnce() throws Exception {
        YearMonth month = YearMonth.of(2025, 3);
        UUID coordinator = account("ADMIN");
        // Donors in two states; pledges inside the month, at its edges (India time) and outside.
        UUID keralaDonor = donor("Kerala");
        UUID punjabDonor = donor("Punjab");
        UUID kidneyPledge = pledge(keralaDonor, "KIDNEY", ist(2025, 3, 1, 0, 30));
        UUID corneaPledge = pledge(keralaDonor, "CORNEA", ist(2025, 3, 15, 12, 0));
        UUID liverPledge = pledge(punjabDonor, "LIVER", ist(2025, 3, 31, 23, 30));
        pledge(punjabDonor, "HEART", ist(2025, 2, 28, 23, 59)); // February
        pledge(punjabDonor, "KIDNEY", ist(2025, 4, 1, 0, 0)); // April
        // Patients at two centres.
        UUID aiims = patient("AIIMS Test " + UUID.randomUUID(), "Delhi");
        UUID cmc = patient("CMC Test " + UUID.randomUUID(), "Tamil Nadu");
        UUID kidneyRequest =
                request(
                        aiims,
                        "KIDNEY",
                        "TRANSPLANTED",
                        ist(2025, 3, 2, 9, 0),
                        ist(2025, 3, 20, 9, 0));
        UUID corneaRequest =
                request(cmc, "CORNEA", "WAITING", ist(2025, 3, 3, 9, 0), ist(2025, 3, 3, 9, 0));
        request(cmc, "KIDNEY", "WAITING", ist(2025, 1, 3, 9, 0), ist(2025, 1, 3, 9, 0)); // January
        // Offers: one approved, two declined (one with each reason), one still proposed.
        UUID run = matchRun(kidneyRequest, aiims, "KIDNEY", ist(2025, 3, 5, 10, 0));
        match(
                run,
                kidneyRequest,
                kidneyPledge,
                aiims,
                keralaDonor,
                "KIDNEY",
                "APPROVED",
                null,
                ist(2025, 3, 5, 10, 0),
                ist(2025, 3, 6, 10, 0));
        UUID corneaRun = matchRun(corneaRequest, cmc, "CORNEA", ist(2025, 3, 16, 10, 0));
        match(
                corneaRun,
                corneaRequest,
                corneaPledge,
                cmc,
                keralaDonor,
                "CORNEA",
                "DECLINED",
                "SIZE",
                ist(2025, 3, 16, 10, 0),
                ist(2025, 3, 17, 10, 0));
        match(
                corneaRun,
                corneaRequest,
                liverPledge,
                cmc,
                punjabDonor,
                "CORNEA",
                "DECLINED",
                "LOGISTICS",
                ist(2025, 3, 16, 10, 0),
                ist(2025, 3, 18, 10, 0));
        match(
                corneaRun,
                corneaRequest,
                kidneyPledge,
                cmc,
                keralaDonor,
                "CORNEA",
                "PROPOSED",
                null,
                ist(2025, 3, 16, 10, 0),
                null);

        MonthlyReports reports = reports();
        DirectWorkContext context = context(ReportWorks.GENERATE, month.toString());
        reports.generate(month, coordinator, context);

        MonthlyReports.Report report = reports.find(month).orElseThrow();
        Map<String, Long> csv = figures(read(reports, report, MonthlyReports.Format.CSV));
        assertThat(csv)
                .containsEntry("pledges|total|", 3L)
                .containsEntry("pledges|organ|KIDNEY", 1L)
                .containsEntry("pledges|organ|CORNEA", 1L)
                .containsEntry("pledges|organ|LIVER", 1L)
                .containsEntry("pledges|state|Kerala", 2L)
                .containsEntry("pledges|state|Punjab", 1L)
                .containsEntry("listings|total|", 2L)
                .containsEntry("listings|state|Delhi", 1L)
                .containsEntry("listings|state|Tamil Nadu", 1L)
                .containsEntry("transplants_approved|total|", 1L)
                .containsEntry("transplanted|total|", 1L)
                .containsEntry("transplanted|organ|KIDNEY", 1L)
                .containsEntry("offers|total|", 4L)
                .containsEntry("offers|organ|CORNEA", 3L)
                .containsEntry("declines|total|", 2L)
                .containsEntry("declines|reason|SIZE", 1L)
                .containsEntry("declines|reason|LOGISTICS", 1L)
                // a match is placed by its request's hospital
                .containsEntry("declines|state|Tamil Nadu", 2L)
                .containsEntry("transplants_approved|state|Delhi", 1L)
                .containsEntry("offers|state|Delhi", 1L)
                .containsEntry("offers|state|Tamil Nadu", 3L)
                .doesNotContainKey("pledges|organ|HEART");
        assertThat(csv.entrySet())
                .filteredOn(e -> e.getKey().startsWith("offers|centre|CMC Test"))
                .singleElement()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo(3L));
        // The same figures straight from the rows, counted another way.
        assertThat(csv.get("pledges|total|"))
                .isEqualTo(
                        count(
                                "select count(*) from pledge where created_at >= :from and created_at < :to",
                                month));
        assertThat(csv.get("offers|total|"))
                .isEqualTo(
                        count(
                                "select count(*) from match where created_at >= :from and created_at < :to",
                                month));
        assertThat(csv.get("declines|total|"))
                .isEqualTo(
                        count(
                                "select count(*) from match where status = 'DECLINED' and decided_at >= :from and decided_at < :to",
                                month));
        assertThat(report.totals()).containsEntry("pledges", 3).containsEntry("offers", 4);
        assertThat(report.requestedBy()).isEqualTo(coordinator);

        String pdf = pdfText(read(reports, report, MonthlyReports.Format.PDF));
        assertThat(pdf).contains("RamSetu monthly registry report: March 2025");
        // The extractor may run a table's cells together: compare without blanks.
        assertThat(compact(pdf))
                .contains("Pledgesmade3")
                .contains("Offers(donorsproposed)4")
                .contains("Offersdeclined2")
                .contains("LOGISTICS1");

        List<OutgoingMail> mails = mails();
        assertThat(mails).hasSize(1);
        OutgoingMail ready = mails.get(0);
        assertThat(ready.to()).extracting(MailAddress::address).contains(email(coordinator));
        assertThat(ready.subject()).contains("March 2025");
        assertThat(ready.text())
                .contains("https://ramsetu.example.org/api/v1/reports/monthly/2025-03/report.pdf")
                .contains("https://ramsetu.example.org/api/v1/reports/monthly/2025-03/report.csv")
                .doesNotContain("Kerala")
                .doesNotContain("CMC Test");
        Path eml = Files.createTempDirectory(scratch, "mail");
        EmlFileMailer mailer =
                new EmlFileMailer(eml, MailAddress.of("noreply@ramsetu.example.org"), clock);
        mailer.send(ready);
        assertThat(Files.readString(mailer.fileOf(ready))).contains("report.pdf");
        assertThat(context.progress())
                .last()
                .satisfies(p -> assertThat(p.done()).isEqualTo(p.total()));

        // Asked again (a retry, the schedule after a coordinator's request): nothing new.
        reports.generate(month, null, context(ReportWorks.MONTHLY, "recurring"));
        assertThat(reports.find(month)).contains(report);
        assertThat(mails()).hasSize(1);
        assertThat(blobs.list("reports/monthly/2025-03/")).hasSize(2);
    }

    @Test
    void anEmptyMonthHasZerosAndTheScheduleReportsTheMonthBeforeItsRun() throws Exception {
        MonthlyReports reports = reports();
        ReportWorks works = new ReportWorks(reports, exports(new RecordingScheduler()));
        Instant firstOfJuly = ist(2024, 7, 1, 3, 0);

        works.monthly().body().run(context(ReportWorks.MONTHLY, "recurring", firstOfJuly));

        MonthlyReports.Report june = reports.find(YearMonth.of(2024, 6)).orElseThrow();
        assertThat(june.requestedBy()).isNull();
        assertThat(figures(read(reports, june, MonthlyReports.Format.CSV)))
                .containsEntry("pledges|total|", 0L)
                .containsEntry("declines|total|", 0L);
        assertThat(pdfText(read(reports, june, MonthlyReports.Format.PDF)))
                .satisfies(text -> assertThat(compact(text)).contains("Pledgesmade0"));
        assertThat(works.monthly().schedule().describe())
                .isEqualTo("monthly on day 1 at 03:00 Asia/Kolkata");
    }

    @Test
    void anExportOverTheThresholdIsQueuedWrittenByItsJobWithProgressAndDownloadedAudited()
            throws Exception {
        reports();
        String city = "Exportpur " + UUID.randomUUID().toString().substring(0, 8);
        UUID donor = donor("Kerala", city);
        jdbc.sql(
                        """
                        insert into pledge (id, donor_id, organ, status, consent_given_at,
                            created_at, status_changed_at)
                        select gen_random_uuid(), :donor, 'KIDNEY', 'WITHDRAWN', now(),
                            now() - make_interval(secs => n), now()
                          from generate_series(1, 2600) n
                        """)
                .param("donor", donor)
                .update();
        CurrentUser coordinator = new CurrentUser(account("ADMIN"), Role.ADMIN);
        RecordingScheduler scheduler = new RecordingScheduler();
        ExportJobs exports = exports(scheduler);
        Map<String, String> filters = Map.of("city", city);

        Optional<LargeExports.Queued> small =
                exports.queueIfLarge(
                        coordinator,
                        "pledges",
                        Map.of("city", city, "status", "PENDING"),
                        ExportKinds.query("pledges", Map.of("city", city, "status", "PENDING")));
        Optional<LargeExports.Queued> large =
                exports.queueIfLarge(
                        coordinator, "pledges", filters, ExportKinds.query("pledges", filters));

        assertThat(small).isEmpty();
        assertThat(large).isPresent();
        UUID id = large.get().id();
        assertThat(large.get().status()).hasToString("/api/v1/reports/exports/" + id);
        assertThat(large.get().rowsAtLeast()).isEqualTo(2_501);
        assertThat(scheduler.scheduled).containsExactly(ExportJobs.WORK + "/" + id);
        assertThat(exports.findFor(coordinator, id).orElseThrow().status()).isEqualTo("QUEUED");
        CurrentUser another = new CurrentUser(account("ADMIN"), Role.ADMIN);
        assertThat(exports.findFor(another, id)).isEmpty();
        assertThat(audits(coordinator, ReportAuditActions.EXPORT_QUEUED)).isEqualTo(1);

        DirectWorkContext context = context(ExportJobs.WORK, id.toString());
        exports.work().body().run(new ExportJobData(id.toString()), context);

        ExportJobs.Export done = exports.findFor(coordinator, id).orElseThrow();
        assertThat(done.status()).isEqualTo("READY");
        assertThat(done.rowsWritten()).isEqualTo(2_600);
        assertThat(done.rowsTotal()).isEqualTo(2_600);
        assertThat(context.progress())
                .extracting(DirectWorkContext.Progress::done)
                .contains(0L, 1_000L, 2_600L)
                .isSorted();
        assertThat(context.progress()).allSatisfy(p -> assertThat(p.total()).isEqualTo(2_600));
        // The file holds exactly what the streamed export of the same filters holds.
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        new RegistryExport(reads, new AuditLog(jdbc, clock))
                .copy(ExportKinds.query("pledges", filters), streamed, n -> {});
        String file;
        try (BlobContent content = exports.download(coordinator, done).orElseThrow()) {
            file = new String(content.stream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(file).isEqualTo(streamed.toString(StandardCharsets.UTF_8));
        assertThat(file.lines()).hasSize(2_601);
        assertThat(audits(coordinator, ReportAuditActions.EXPORTED)).isEqualTo(1);

        // A repeated delivery of the finished job changes nothing.
        exports.work()
                .body()
                .run(new ExportJobData(id.toString()), context(ExportJobs.WORK, id.toString()));
        assertThat(exports.findFor(coordinator, id).orElseThrow()).isEqualTo(done);
    }

    @Test
    void expiredExportsLoseTheirFileAndRow() throws Exception {
        reports();
        String city = "Oldpur " + UUID.randomUUID().toString().substring(0, 8);
        UUID donor = donor("Punjab", city);
        pledge(donor, "KIDNEY", Instant.now());
        CurrentUser coordinator = new CurrentUser(account("ADMIN"), Role.ADMIN);
        ExportJobs exports =
                new ExportJobs(
                        jdbc,
                        transactions,
                        new RegistryExport(reads, new AuditLog(jdbc, clock)),
                        blobs,
                        provider(new RecordingScheduler()),
                        new ReportingProperties(0, Duration.ofDays(7), properties.linkBaseUrl()),
                        new AuditLog(jdbc, clock),
                        clock);
        Map<String, String> filters = Map.of("city", city);
        UUID id =
                exports.queueIfLarge(
                                coordinator,
                                "pledges",
                                filters,
                                ExportKinds.query("pledges", filters))
                        .orElseThrow()
                        .id();
        exports.run(new ExportJobData(id.toString()), context(ExportJobs.WORK, id.toString()));
        ExportJobs.Export ready = exports.find(id).orElseThrow();
        assertThat(blobs.stat(ready.file())).isPresent();

        jdbc.sql("update report_export set finished_at = now() - interval '8 days' where id = :id")
                .param("id", id)
                .update();
        int deleted = exports.deleteExpired(context(ReportWorks.EXPORT_CLEANUP, "recurring"));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(exports.find(id)).isEmpty();
        assertThat(blobs.stat(ready.file())).isEmpty();
    }

    @Test
    void monthsAreCalendarMonthsInIndiaAndOnlyEndedOnesCanBeAskedFor() {
        Clock midMay = Clock.fixed(Instant.parse("2026-05-15T00:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(ReportMonths.parseComplete("2026-04", midMay)).isEqualTo(YearMonth.of(2026, 4));
        assertThat(ReportMonths.start(YearMonth.of(2026, 4)))
                .isEqualTo(Instant.parse("2026-03-31T18:30:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReportMonths.parseComplete("2026-05", midMay))
                .hasMessageContaining("has not ended");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReportMonths.parseComplete("2027-01", midMay))
                .hasMessageContaining("has not ended");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReportMonths.parseComplete("2026-13", midMay))
                .hasMessageContaining("like 2026-05");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReportMonths.parseComplete("May 2026", midMay))
                .hasMessageContaining("like 2026-05");
    }

    // --- the job's collaborators ---

    private ExportJobs exports(RecordingScheduler scheduler) {
        return new ExportJobs(
                jdbc,
                transactions,
                new RegistryExport(reads, new AuditLog(jdbc, clock)),
                blobs,
                provider(scheduler),
                properties,
                new AuditLog(jdbc, clock),
                clock);
    }

    private static org.springframework.beans.factory.ObjectProvider<WorkScheduler> provider(
            WorkScheduler scheduler) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("workScheduler", scheduler);
        return beans.getBeanProvider(WorkScheduler.class);
    }

    /** Records what was scheduled; the test then runs the body itself, as a worker would. */
    private static final class RecordingScheduler implements WorkScheduler {
        final List<String> scheduled = new ArrayList<>();

        @Override
        public <T> boolean schedule(OneTimeWork<T> work, String instanceId, T data, Instant at) {
            scheduled.add(work.name() + "/" + instanceId);
            return true;
        }

        @Override
        public boolean reschedule(String workName, String instanceId, Instant at) {
            return false;
        }

        @Override
        public boolean cancel(String workName, String instanceId) {
            return false;
        }

        @Override
        public Optional<WorkStatus> status(String workName, String instanceId) {
            return Optional.empty();
        }
    }

    private DirectWorkContext context(String work, String instance) {
        return context(work, instance, clock.instant());
    }

    private DirectWorkContext context(String work, String instance, Instant at) {
        return new DirectWorkContext(
                work, instance, at, transactions, new DirectWorkContext.Ledger());
    }

    // --- reading the results ---

    private static byte[] read(
            MonthlyReports reports, MonthlyReports.Report report, MonthlyReports.Format format) {
        try (BlobContent content = reports.open(report, format).orElseThrow()) {
            return content.stream().readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** measure|dimension|value → count, after checking the header and the month column. */
    private static Map<String, Long> figures(byte[] csv) {
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("month,measure,dimension,value,count");
        Map<String, Long> figures = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(5);
            figures.put(cells[1] + "|" + cells[2] + "|" + cells[3], Long.parseLong(cells[4]));
        }
        return figures;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(text.getTextFromPage(page)).append('\n');
            }
            // Table cells come out as separate lines or words; one space between them.
            return all.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private List<OutgoingMail> mails() {
        JsonMapper json =
                JsonMapper.builder()
                        .disable(
                                tools.jackson.databind.DeserializationFeature
                                        .FAIL_ON_UNKNOWN_PROPERTIES)
                        .build();
        return queued.stream()
                .filter(e -> e.type().equals("mail.send"))
                .map(e -> json.readValue(e.payload(), OutgoingMail.class))
                .toList();
    }

    private static long count(String sql, YearMonth month) {
        return jdbc.sql(sql)
                .param("from", Timestamp.from(ReportMonths.start(month)))
                .param("to", Timestamp.from(ReportMonths.end(month)))
                .query(Long.class)
                .single();
    }

    private static long audits(CurrentUser actor, String action) {
        return jdbc.sql("select count(*) from audit_event where actor_id = :a and action = :action")
                .param("a", actor.id())
                .param("action", action)
                .query(Long.class)
                .single();
    }

    // --- seeding rows as the registry writes them ---

    private static Instant ist(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(ReportMonths.REGISTRY_ZONE)
                .toInstant();
    }

    private static String email(UUID account) {
        return account + "@example.org";
    }

    private static UUID account(String role) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql(
                        """
                        insert into account (id, email, email_key, role, full_name, password_hash,
                            created_at, password_changed_at)
                        values (:id, :email, :email, :role, 'Test', 'not a hash', :now, :now)
                        """)
                .param("id", id)
                .param("email", email(id))
                .param("role", role)
                .param("now", now)
                .update();
        return id;
    }

    private static UUID donor(String state) {
        return donor(state, "Testpur");
    }

    private static UUID donor(String state, String city) {
        return TestProfiles.donor(account("DONOR")).livingIn(city, state).at(10, 76).insert(jdbc);
    }

    private static UUID patient(String hospital, String state) {
        return TestProfiles.patient(account("PATIENT"))
                .treatedAt(hospital, "Testnagar", state)
                .at(12, 77)
                .insert(jdbc);
    }

    private static UUID pledge(UUID donor, String organ, Instant createdAt) {
        return TestPledges.insert(jdbc, donor, organ, "WITHDRAWN", createdAt);
    }

    private static UUID request(
            UUID patient, String organ, String status, Instant listedAt, Instant changedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into transplant_request (id, patient_id, organ, status, urgency,
                            clinical, listed_at, status_changed_at)
                        values (:id, :patient, :organ, :status, 3, '{}'::jsonb, :listed, :changed)
                        """)
                .param("id", id)
                .param("patient", patient)
                .param("organ", organ)
                .param("status", status)
                .param("listed", Timestamp.from(listedAt))
                .param("changed", Timestamp.from(changedAt))
                .update();
        return id;
    }

    private static UUID matchRun(UUID request, UUID patient, String organ, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into match_run (id, request_id, patient_id, organ, request_version,
                            created_at, trigger, degraded, policy_version, formula_versions,
                            settings, candidate_count, excluded_count, candidates, excluded,
                            duration_ms)
                        values (:id, :request, :patient, :organ, 0, :at, 'COORDINATOR', false,
                            'test', '{}'::jsonb, '{}'::jsonb, 0, 0, :empty, :empty, 1)
                        """)
                .param("id", id)
                .param("request", request)
                .param("patient", patient)
                .param("organ", organ)
                .param("at", Timestamp.from(at))
                .param("empty", new byte[0])
                .update();
        return id;
    }

    private static void match(
            UUID run,
            UUID request,
            UUID pledge,
            UUID patient,
            UUID donor,
            String organ,
            String status,
            String declineReason,
            Instant createdAt,
            Instant decidedAt) {
        jdbc.sql(
                        """
                        insert into match (id, run_id, request_id, pledge_id, patient_id, donor_id,
                            organ, rank, score, distance_km, pledge_version, request_version,
                            status, decline_reason, created_at, decided_at)
                        values (gen_random_uuid(), :run, :request, :pledge, :patient, :donor,
                            :organ, 1, 0.5, 10, 0, 0, :status, :reason, :created, :decided)
                        """)
                .param("run", run)
                .param("request", request)
                .param("pledge", pledge)
                .param("patient", patient)
                .param("donor", donor)
                .param("organ", organ)
                .param("status", status)
                .param("reason", declineReason)
                .param("created", Timestamp.from(createdAt))
                .param("decided", decidedAt == null ? null : Timestamp.from(decidedAt))
                .update();
    }
}
