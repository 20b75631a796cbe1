package org.ramsetu.bench.registry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.platform.allocation.offers.OfferRows;
import org.ramsetu.platform.audit.AuditFilter;
import org.ramsetu.platform.audit.AuditQueries;
import org.ramsetu.platform.documents.DocumentRepository;
import org.ramsetu.platform.documents.DocumentStatus;
import org.ramsetu.platform.matching.matches.MatchFilter;
import org.ramsetu.platform.matching.matches.Matches;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.registry.common.ListingFilter;
import org.ramsetu.platform.registry.directory.CoordinatorDirectory;
import org.ramsetu.platform.registry.pledges.Pledges;
import org.ramsetu.platform.registry.requests.RequestOrder;
import org.ramsetu.platform.registry.requests.RequestStatus;
import org.ramsetu.platform.registry.requests.TransplantRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Runs every registry list query with {@code EXPLAIN (ANALYZE, BUFFERS)} on the embedded database
 * of a data folder (loaded with {@code ramsetu demo}, and served by {@code ramsetu serve} or not),
 * and prints one Markdown row per query: the index the plan starts from, rows, execution time; and
 * the count behind each list's {@code total}.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.ramsetu.bench.registry.ListQueryPlans ./data</pre>
 */
public final class ListQueryPlans {

    private static final Pattern INDEX =
            Pattern.compile("(?:Index|Index Only) Scan(?: Backward)? using (\\S+)");
    private static final Pattern BITMAP = Pattern.compile("Bitmap Index Scan on (\\S+)");
    private static final Pattern TIME = Pattern.compile("Execution Time: ([0-9.]+) ms");

    private ListQueryPlans() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "./data");
        var running = EmbeddedPostgresServer.runningOn(dataDir);
        try (EmbeddedPostgresServer started =
                running.isPresent() ? null : EmbeddedPostgresServer.start(dataDir)) {
            JdbcClient jdbc =
                    running.map(
                                    db ->
                                            JdbcClient.create(
                                                    new DriverManagerDataSource(
                                                            db.jdbcUrl(),
                                                            db.username(),
                                                            db.password())))
                            .orElseGet(
                                    () ->
                                            JdbcClient.create(
                                                    new DriverManagerDataSource(
                                                            started.jdbcUrl(),
                                                            started.username(),
                                                            started.password())));
            report(jdbc);
        }
    }

    private static void report(JdbcClient jdbc) {
        jdbc.sql("analyze").update();
        System.out.printf(
                "| rows in table | pledge %,d · transplant_request %,d · donor_profile %,d ·"
                        + " document %,d · match %,d · audit_event %,d · organ_offer %,d |%n",
                count(jdbc, "pledge"),
                count(jdbc, "transplant_request"),
                count(jdbc, "donor_profile"),
                count(jdbc, "document"),
                count(jdbc, "match"),
                count(jdbc, "audit_event"),
                count(jdbc, "organ_offer"));
        System.out.printf(
                "| offer histories | offer_sequence %,d · allocation_run %,d |%n",
                count(jdbc, "offer_sequence"), count(jdbc, "allocation_run"));
        System.out.println(
                "| list query (first page of 20 unless said) | plan starts from | execution |");
        System.out.println("|---|---|---|");
        queries(jdbc).forEach((name, query) -> explain(jdbc, name, query));
    }

    private static Map<String, ListQuery.Statement> queries(JdbcClient jdbc) {
        PageRequest first = new PageRequest(20, null);
        Map<String, ListQuery.Statement> q = new LinkedHashMap<>();
        q.put("all pledges", Pledges.pageQuery(pledges(null, null, null, null), first));
        q.put(
                "pledges VERIFIED",
                Pledges.pageQuery(pledges(PledgeStatus.VERIFIED, null, null, null), first));
        q.put(
                "pledges KIDNEY VERIFIED",
                Pledges.pageQuery(pledges(PledgeStatus.VERIFIED, Organ.KIDNEY, null, null), first));
        q.put(
                "pledges HEART REJECTED",
                Pledges.pageQuery(pledges(PledgeStatus.REJECTED, Organ.HEART, null, null), first));
        q.put("pledges in city Pune", Pledges.pageQuery(pledges(null, null, "pune", null), first));
        q.put(
                "pledges of blood group AB-",
                Pledges.pageQuery(
                        new ListingFilter<PledgeStatus>(
                                null, null, null, null, null, List.of("AB-")),
                        first));
        Cursor deep =
                jdbc.sql(
                                "select created_at, id from pledge order by created_at desc, id desc offset 500000 limit 1")
                        .query(
                                (rs, i) ->
                                        new Cursor(
                                                rs.getTimestamp(1).toInstant(),
                                                rs.getObject(2, java.util.UUID.class)))
                        .optional()
                        .orElse(null);
        q.put(
                "all pledges, page after row 500,000",
                Pledges.pageQuery(pledges(null, null, null, null), new PageRequest(20, deep)));
        q.put(
                "requests WAITING LIVER",
                TransplantRequests.pageQuery(
                        new ListingFilter<RequestStatus>(
                                null, RequestStatus.WAITING, Organ.LIVER, null, null, null),
                        first));
        q.put(
                "requests WAITING, search 'kumar' (name infix)",
                TransplantRequests.pageQuery(
                        new ListingFilter<RequestStatus>(
                                        null, RequestStatus.WAITING, null, null, null, null)
                                .searching("kumar"),
                        first));
        q.put(
                "requests, search 'zzq' (matches nobody: every account read)",
                TransplantRequests.pageQuery(
                        new ListingFilter<RequestStatus>(null, null, null, null, null, null)
                                .searching("zzq"),
                        first));
        q.put(
                "pledges PENDING, search 'donor.0001' (e-mail infix)",
                Pledges.pageQuery(
                        pledges(PledgeStatus.PENDING, null, null, null).searching("donor.0001"),
                        first));
        q.put(
                "requests WAITING, oldest first",
                TransplantRequests.pageQuery(
                        new ListingFilter<RequestStatus>(
                                null, RequestStatus.WAITING, null, null, null, null),
                        first,
                        RequestOrder.OLDEST));
        q.put(
                "requests WAITING, most urgent first",
                TransplantRequests.pageQuery(
                        new ListingFilter<RequestStatus>(
                                null, RequestStatus.WAITING, null, null, null, null),
                        first,
                        RequestOrder.URGENCY));
        q.put(
                "requests WAITING LIVER, highest MELD-Na first",
                TransplantRequests.pageQuery(
                        new ListingFilter<RequestStatus>(
                                null, RequestStatus.WAITING, Organ.LIVER, null, null, null),
                        first,
                        RequestOrder.MELD));
        q.put(
                "donor directory",
                CoordinatorDirectory.pageQuery(
                        CoordinatorDirectory.Side.DONORS,
                        new CoordinatorDirectory.Filter(null, null, null, null),
                        first));
        q.put(
                "donor directory, city Kochi",
                CoordinatorDirectory.pageQuery(
                        CoordinatorDirectory.Side.DONORS,
                        new CoordinatorDirectory.Filter(null, "kochi", null, null),
                        first));
        q.put(
                "donor directory, search 'donor.00012'",
                CoordinatorDirectory.pageQuery(
                        CoordinatorDirectory.Side.DONORS,
                        new CoordinatorDirectory.Filter("donor.00012", null, null, null),
                        first));
        q.put(
                "patient directory, search 'asha'",
                CoordinatorDirectory.pageQuery(
                        CoordinatorDirectory.Side.PATIENTS,
                        new CoordinatorDirectory.Filter("asha", null, null, null),
                        first));
        // The console's other lists (issue 21): the document queue, matches, the audit log and a
        // centre's offers, each for the busiest subject the folder holds.
        q.put(
                "documents PENDING (review queue, oldest first)",
                DocumentRepository.queueQuery(DocumentStatus.PENDING, null, null, 21));
        q.put(
                "documents PENDING, search 'report'",
                DocumentRepository.queueQuery(DocumentStatus.PENDING, "report", null, 21));
        q.put(
                "total: documents PENDING",
                DocumentRepository.queueCountQuery(DocumentStatus.PENDING, null));
        q.put("matches PROPOSED", Matches.pageQuery(matches("PROPOSED", null), first));
        q.put("matches, all", Matches.pageQuery(matches(null, null), first));
        q.put(
                "matches, search 'sharma' (either party's name infix, many have it)",
                Matches.pageQuery(matches(null, "sharma"), first));
        q.put(
                "matches, search 'kumar' (nobody has it: every match read)",
                Matches.pageQuery(matches(null, "kumar"), first));
        q.put("total: matches PROPOSED", Matches.countQuery(matches("PROPOSED", null)));
        q.put("total: matches, all", Matches.countQuery(matches(null, null)));
        q.put("total: matches, search 'sharma'", Matches.countQuery(matches(null, "sharma")));
        q.put("total: matches, search 'kumar'", Matches.countQuery(matches(null, "kumar")));
        AuditFilter wholeLog = new AuditFilter(null, null, null, null, null, null, null, null, 21);
        q.put("audit log, newest first", AuditQueries.pageQuery(wholeLog, null));
        q.put(
                "audit log, action part 'offer'",
                AuditQueries.pageQuery(
                        wholeLog, new AuditQueries(jdbc).actionsContaining("offer")));
        busiestCentre(jdbc)
                .ifPresent(
                        centre -> {
                            q.put(
                                    "offers of the busiest centre, open (soonest deadline)",
                                    OfferRows.centrePageQuery(centre, true, null, null, 20));
                            q.put(
                                    "offers of the busiest centre, all (newest first)",
                                    OfferRows.centrePageQuery(centre, false, null, null, 20));
                            q.put(
                                    "total: offers of the busiest centre, all",
                                    OfferRows.centreCountQuery(centre, false, null));
                        });
        // The "total" beside each page: the same filters, the whole list counted.
        q.put("total: all pledges", Pledges.countQuery(pledges(null, null, null, null)));
        q.put(
                "total: pledges PENDING",
                Pledges.countQuery(pledges(PledgeStatus.PENDING, null, null, null)));
        q.put(
                "total: pledges KIDNEY VERIFIED",
                Pledges.countQuery(pledges(PledgeStatus.VERIFIED, Organ.KIDNEY, null, null)));
        q.put("total: pledges in city Pune", Pledges.countQuery(pledges(null, null, "pune", null)));
        q.put(
                "total: requests WAITING",
                TransplantRequests.countQuery(
                        new ListingFilter<RequestStatus>(
                                null, RequestStatus.WAITING, null, null, null, null)));
        q.put(
                "total: requests WAITING LIVER",
                TransplantRequests.countQuery(
                        new ListingFilter<RequestStatus>(
                                null, RequestStatus.WAITING, Organ.LIVER, null, null, null)));
        return q;
    }

    private static MatchFilter matches(String status, String search) {
        return MatchFilter.of(status, null, null, null, null, search);
    }

    private static java.util.Optional<java.util.UUID> busiestCentre(JdbcClient jdbc) {
        return jdbc.sql(
                        "select centre_id from organ_offer group by centre_id"
                                + " order by count(*) desc limit 1")
                .query(java.util.UUID.class)
                .optional();
    }

    private static ListingFilter<PledgeStatus> pledges(
            PledgeStatus status, Organ organ, String city, String state) {
        return new ListingFilter<PledgeStatus>(null, status, organ, city, state, null);
    }

    private static void explain(JdbcClient jdbc, String name, ListQuery.Statement query) {
        String plan =
                String.join(
                        "\n",
                        jdbc.sql("explain (analyze, buffers) " + query.text())
                                .params(query.params())
                                .query(String.class)
                                .list());
        Matcher index = INDEX.matcher(plan);
        Matcher bitmap = BITMAP.matcher(plan);
        Matcher time = TIME.matcher(plan);
        String start =
                index.find()
                        ? index.group(1)
                        : bitmap.find()
                                ? bitmap.group(1) + " (bitmap)"
                                : "no index: " + firstLine(plan);
        System.out.printf(
                "| %s | `%s`%s | %s ms |%n",
                name,
                start,
                plan.contains("Sort") ? " + sort of the rows found" : "",
                time.find() ? time.group(1) : "?");
        if (System.getenv("PLANS") != null) {
            System.out.println(plan);
        }
    }

    private static String firstLine(String plan) {
        return plan.lines().findFirst().orElse("");
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
