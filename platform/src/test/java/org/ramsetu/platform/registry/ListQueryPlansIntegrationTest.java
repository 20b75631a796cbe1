package org.ramsetu.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.platform.registry.directory.CoordinatorDirectory.Side.DONORS;
import static org.ramsetu.platform.registry.directory.CoordinatorDirectory.Side.PATIENTS;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.audit.AuditFilter;
import org.ramsetu.platform.audit.AuditQueries;
import org.ramsetu.platform.documents.DocumentRepository;
import org.ramsetu.platform.documents.DocumentStatus;
import org.ramsetu.platform.matching.matches.MatchFilter;
import org.ramsetu.platform.matching.matches.Matches;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.ListOrder;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.registry.common.ListingFilter;
import org.ramsetu.platform.registry.directory.CoordinatorDirectory;
import org.ramsetu.platform.registry.pledges.Pledges;
import org.ramsetu.platform.registry.requests.RequestOrder;
import org.ramsetu.platform.registry.requests.RequestStatus;
import org.ramsetu.platform.registry.requests.TransplantRequests;

/**
 * Every list query of the registry, and the console's other lists (document queue, matches, audit
 * log), is answered from an index in its keyset order, so a page costs the same on the first and
 * the thousandth page, and no list reads the whole table. Checked on the plans PostgreSQL makes for
 * a registry of some thousand rows (docs/registry.md lists the index behind each list).
 */
class ListQueryPlansIntegrationTest {

    private static final PageRequest FIRST_PAGE = new PageRequest(20, null);

    /** Half-way through the rows below (created one a minute back from now). */
    private static final PageRequest LATER_PAGE =
            new PageRequest(
                    20,
                    new Cursor(Instant.now().minus(Duration.ofMinutes(500)), UUID.randomUUID()));

    private static UUID someDonor;
    private static UUID somePatient;

    @BeforeAll
    static void aRegistryOfSomeThousandRows() {
        var jdbc = RegistryDatabase.jdbc();
        String run = UUID.randomUUID().toString().substring(0, 8);
        someDonor = md5Uuid("donor-" + run + "-7");
        somePatient = md5Uuid("patient-" + run + "-7");
        jdbc.sql(
                        """
                        insert into account (id, email, email_key, role, full_name, password_hash,
                            created_at, password_changed_at)
                        select md5(kind || '-' || :run || '-' || g)::uuid,
                            kind || g || '-' || :run || '@example.org',
                            kind || g || '-' || :run || '@example.org',
                            upper(kind), 'Test', 'not a hash', now(), now()
                        from generate_series(1, 1000) g, (values ('donor'), ('patient')) k(kind)
                        """)
                .param("run", run)
                .update();
        jdbc.sql(
                        """
                        insert into donor_profile (account_id, blood_group, date_of_birth, sex,
                            height_cm, weight_kg, city, city_key, state, latitude, longitude,
                            hypertension, diabetes, consent_given_at, created_at, updated_at)
                        select md5('donor-' || :run || '-' || g)::uuid,
                            case when g % 200 = 0 then 'AB-' else 'O+' end, date '1980-01-01',
                            'MALE', 170, 70, 'City ' || (g % 300), 'city ' || (g % 300),
                            case when g = 7 then 'Goa' else 'Maharashtra' end, 18.5, 73.8,
                            false, false, now(), now(), now()
                        from generate_series(1, 1000) g
                        """)
                .param("run", run)
                .update();
        jdbc.sql(
                        """
                        insert into pledge (id, donor_id, organ, status, consent_given_at,
                            rejection_reason, created_at, status_changed_at)
                        select md5('pledge-' || :run || '-' || g || o)::uuid,
                            md5('donor-' || :run || '-' || g)::uuid, o,
                            case when g % 97 = 0 then 'REJECTED'
                                 when g % 2 = 0 then 'VERIFIED' else 'PENDING' end,
                            now(), case when g % 97 = 0 then 'test' end,
                            now() - g * interval '1 minute', now()
                        from generate_series(1, 1000) g,
                            (values ('KIDNEY'), ('LIVER'), ('CORNEA'), ('HEART')) organs(o)
                        where o <> 'HEART' or g % 50 = 0
                        """)
                .param("run", run)
                .update();
        jdbc.sql(
                        """
                        insert into patient_profile (account_id, blood_group, date_of_birth, sex,
                            height_cm, weight_kg, hospital_name, hospital_city,
                            hospital_city_key, hospital_state, hospital_latitude,
                            hospital_longitude, created_at, updated_at)
                        select md5('patient-' || :run || '-' || g)::uuid,
                            case when g % 200 = 0 then 'AB-' else 'B+' end, date '1970-01-01',
                            'FEMALE', 160, 60, 'Hospital', 'City ' || (g % 300),
                            'city ' || (g % 300),
                            case when g = 7 then 'Goa' else 'Maharashtra' end, 19.0, 72.8,
                            now(), now()
                        from generate_series(1, 1000) g
                        """)
                .param("run", run)
                .update();
        jdbc.sql(
                        """
                        insert into transplant_request (id, patient_id, organ, status, urgency,
                            clinical, heart_status, heart_status_version, listed_at,
                            removal_reason, status_changed_at)
                        select md5('request-' || :run || '-' || g || o)::uuid,
                            md5('patient-' || :run || '-' || g)::uuid, o,
                            case when g % 97 = 0 then 'REMOVED' else 'WAITING' end, 3, '{}',
                            case when o = 'HEART' then 2 end,
                            case when o = 'HEART' then 'test' end,
                            now() - g * interval '1 minute',
                            case when g % 97 = 0 then 'test' end, now()
                        from generate_series(1, 1000) g,
                            (values ('CORNEA'), ('HEART')) organs(o)
                        where o <> 'HEART' or g % 50 = 0
                        """)
                .param("run", run)
                .update();
        // The console's other lists: a report per pledge (every twentieth waiting for review), a
        // run with a proposal per request, and audit events (a rare action among them).
        jdbc.sql(
                        """
                        insert into document (id, owner_id, type, pledge_id, file_name,
                            content_type, size_bytes, sha256, blob_key, status, created_at)
                        select gen_random_uuid(), p.donor_id, 'MEDICAL_REPORT', p.id, 'report.pdf',
                            'application/pdf', 1000, repeat('0', 64),
                            'plans/' || gen_random_uuid(),
                            case when abs(hashtext(p.id::text)) % 20 = 0 then 'PENDING'
                                else 'VERIFIED' end,
                            p.created_at
                        from pledge p where p.donor_id in (select id from account where email
                            like '%-' || :run || '@example.org')
                        """)
                .param("run", run)
                .update();
        jdbc.sql(
                        """
                        insert into match_run (id, request_id, patient_id, organ,
                            request_version, created_at, trigger, degraded, degraded_cause,
                            policy_version, formula_versions, settings, candidate_count,
                            excluded_count, candidates, excluded, duration_ms)
                        select gen_random_uuid(), r.id, r.patient_id, r.organ, 0, r.listed_at,
                            'COORDINATOR', true, 'plans', 'plans', '{}', '{}', 1, 0, '[]', '[]', 0
                        from transplant_request r where r.patient_id in (select id from account
                            where email like '%-' || :run || '@example.org')
                        """)
                .param("run", run)
                .update();
        jdbc.sql(
                        """
                        insert into match (id, run_id, request_id, pledge_id, patient_id,
                            donor_id, organ, rank, score, distance_km, pledge_version,
                            request_version, status, decline_reason, created_at)
                        select gen_random_uuid(), run.id, run.request_id, p.id, run.patient_id,
                            p.donor_id, run.organ, 1, 0.5, 10, 0, 0,
                            case when r.status = 'WAITING' then 'PROPOSED' else 'DECLINED' end,
                            case when r.status = 'WAITING' then null else 'LOGISTICS' end,
                            run.created_at
                        from match_run run
                        join transplant_request r on r.id = run.request_id
                        join pledge p on p.id = (select q.id from pledge q
                            where q.organ = run.organ and q.donor_id = any(:donors) limit 1)
                        where run.policy_version = 'plans'
                        """)
                .param("run", run)
                .param("donors", new UUID[] {someDonor, md5Uuid("donor-" + run + "-50")})
                .update();
        jdbc.sql(
                        """
                        insert into audit_event (occurred_at, action, outcome, target_type,
                            target_id)
                        select now() - g * interval '1 second',
                            case when g % 100 = 0 then 'PLEDGE_VERIFIED'
                                else 'MEDICAL_RECORD_READ' end,
                            'SUCCESS', 'plans', g::text
                        from generate_series(1, 2000) g
                        """)
                .update();
        jdbc.sql("analyze").update();
    }

    @Test
    void pledgeListsReadTheirIndexInKeysetOrder() {
        assertOrderedFrom("pledge_created_idx", pledges(filter(null, null, null)));
        assertOrderedFrom(
                "pledge_donor_idx",
                pledges(new ListingFilter<PledgeStatus>(someDonor, null, null, null, null, null)));
        assertOrderedFrom("pledge_status_idx", pledges(filter(PledgeStatus.REJECTED, null, null)));
        assertOrderedFrom("pledge_organ_idx", pledges(filter(null, Organ.HEART, null)));
        assertOrderedFrom(
                "pledge_organ_status_idx",
                pledges(filter(PledgeStatus.REJECTED, Organ.HEART, null)));
        assertOrderedFrom(
                "pledge_status_idx",
                Pledges.pageQuery(filter(PledgeStatus.REJECTED, null, null), LATER_PAGE));
    }

    @Test
    void pledgeListsFilteredByTheDonorsPlaceOrBloodReadTheirIndexInKeysetOrder() {
        assertOrderedFrom("pledge_city_created_idx", pledges(filter(null, null, "city 7")));
        assertOrderedFrom(
                "pledge_state_created_idx",
                pledges(new ListingFilter<PledgeStatus>(null, null, null, null, "Goa", null)));
        assertOrderedFrom(
                "pledge_blood_created_idx",
                pledges(
                        new ListingFilter<PledgeStatus>(
                                null, null, null, null, null, List.of("AB-"))));
    }

    @Test
    void transplantRequestListsReadTheirIndexInKeysetOrder() {
        assertOrderedFrom("transplant_request_listed_idx", requests(requestFilter(null, null)));
        assertOrderedFrom(
                "transplant_request_patient_idx",
                requests(
                        new ListingFilter<RequestStatus>(
                                somePatient, null, null, null, null, null)));
        assertOrderedFrom(
                "transplant_request_status_idx",
                requests(requestFilter(RequestStatus.REMOVED, null)));
        assertOrderedFrom(
                "transplant_request_organ_idx", requests(requestFilter(null, Organ.HEART)));
        assertOrderedFrom(
                "transplant_request_organ_status_idx",
                requests(requestFilter(RequestStatus.REMOVED, Organ.HEART)));
        assertOrderedFrom(
                "transplant_request_city_listed_idx",
                requests(new ListingFilter<RequestStatus>(null, null, null, "city 7", null, null)));
        assertOrderedFrom(
                "transplant_request_state_listed_idx",
                requests(new ListingFilter<RequestStatus>(null, null, null, null, "Goa", null)));
        assertOrderedFrom(
                "transplant_request_blood_listed_idx",
                requests(
                        new ListingFilter<RequestStatus>(
                                null, null, null, null, null, List.of("AB-"))));
        // a centre's pending requests (`centre=mine&status=PENDING_VERIFICATION`)
        assertOrderedFrom(
                "transplant_request_centre_idx",
                requests(
                        new ListingFilter<RequestStatus>(
                                null,
                                RequestStatus.PENDING_VERIFICATION,
                                null,
                                null,
                                null,
                                null,
                                UUID.randomUUID())));
    }

    @Test
    void oldestFirstListsReadTheSameIndexesBackwards() {
        assertOrderedFrom(
                "pledge_status_idx",
                Pledges.pageQuery(
                        filter(PledgeStatus.REJECTED, null, null),
                        LATER_PAGE,
                        ListOrder.OLDEST_FIRST));
        assertOrderedFrom(
                "transplant_request_organ_status_idx",
                TransplantRequests.pageQuery(
                        requestFilter(RequestStatus.REMOVED, Organ.HEART),
                        LATER_PAGE,
                        RequestOrder.OLDEST));
        assertOrderedFrom(
                "transplant_request_listed_idx",
                TransplantRequests.pageQuery(
                        requestFilter(null, null), FIRST_PAGE, RequestOrder.OLDEST));
    }

    @Test
    void waitingListsWithTheSickestFirstReadTheirIndexForward() {
        assertOrderedFrom(
                "transplant_request_status_urgency_idx",
                TransplantRequests.pageQuery(
                        requestFilter(RequestStatus.WAITING, null),
                        laterRanked("urgency", -3),
                        RequestOrder.URGENCY));
        assertOrderedFrom(
                "transplant_request_organ_status_urgency_idx",
                TransplantRequests.pageQuery(
                        requestFilter(RequestStatus.WAITING, Organ.HEART),
                        FIRST_PAGE,
                        RequestOrder.URGENCY));
        assertOrderedFrom(
                "transplant_request_status_meld_idx",
                TransplantRequests.pageQuery(
                        requestFilter(RequestStatus.WAITING, null),
                        laterRanked("meld", 0),
                        RequestOrder.MELD));
        assertOrderedFrom(
                "transplant_request_organ_status_meld_idx",
                TransplantRequests.pageQuery(
                        requestFilter(RequestStatus.WAITING, Organ.LIVER),
                        FIRST_PAGE,
                        RequestOrder.MELD));
    }

    @Test
    void coordinatorDirectoriesReadTheirIndexInKeysetOrder() {
        assertOrderedFrom("donor_profile_created_idx", directory(DONORS, null, null, null));
        assertOrderedFrom(
                "donor_profile_city_created_idx", directory(DONORS, "city 7", null, null));
        assertOrderedFrom("donor_profile_state_created_idx", directory(DONORS, null, "Goa", null));
        assertOrderedFrom(
                "donor_profile_blood_created_idx", directory(DONORS, null, null, List.of("AB-")));
        assertOrderedFrom("patient_profile_created_idx", directory(PATIENTS, null, null, null));
        assertOrderedFrom(
                "patient_profile_city_created_idx", directory(PATIENTS, "city 7", null, null));
    }

    /** Half-way through the rows below, in the ranking {@code order} at {@code key}. */
    private static PageRequest laterRanked(String order, int key) {
        return new PageRequest(
                20,
                new Cursor(
                        new Cursor.Rank(order, key),
                        LATER_PAGE.after().at(),
                        LATER_PAGE.after().id()));
    }

    private static ListQuery.Statement directory(
            CoordinatorDirectory.Side side, String cityKey, String state, List<String> groups) {
        return CoordinatorDirectory.pageQuery(
                side, new CoordinatorDirectory.Filter(null, cityKey, state, groups), FIRST_PAGE);
    }

    private static ListingFilter<PledgeStatus> filter(
            PledgeStatus status, Organ organ, String cityKey) {
        return new ListingFilter<PledgeStatus>(null, status, organ, cityKey, null, null);
    }

    private static ListingFilter<RequestStatus> requestFilter(RequestStatus status, Organ organ) {
        return new ListingFilter<RequestStatus>(null, status, organ, null, null, null);
    }

    @Test
    void theConsolesOtherListsReadTheirIndexInKeysetOrder() {
        assertOrderedFrom(
                "document_status_idx",
                DocumentRepository.queueQuery(DocumentStatus.PENDING, null, null, 21));
        assertOrderedFrom("match_created_idx", Matches.pageQuery(matches(null), FIRST_PAGE));
        assertOrderedFrom("match_status_idx", Matches.pageQuery(matches("DECLINED"), FIRST_PAGE));
        assertOrderedFrom(
                "audit_event_pkey",
                AuditQueries.pageQuery(
                        new AuditFilter(null, null, null, null, null, null, null, null, 21), null));
        assertOrderedFrom(
                "audit_event_action_idx",
                AuditQueries.pageQuery(
                        new AuditFilter(null, null, null, null, null, null, null, null, 21),
                        List.of("PLEDGE_VERIFIED")));
    }

    @Test
    void searchesByAPartOfANameFindThePeopleFromTheirTrigramIndexesAndThenTheirRows() {
        // "donor7-" is in one donor's and one patient's address: the people come from the trigram
        // indexes, never from reading every account, and their matches from the parties' indexes,
        // never from reading every match.
        var matchesOfSomeone = new MatchFilter(null, null, null, null, null, null, null, "donor7-");
        for (ListQuery.Statement query :
                List.of(
                        Matches.pageQuery(matchesOfSomeone, FIRST_PAGE),
                        Matches.countQuery(matchesOfSomeone))) {
            assertThat(planFromIndexes(query))
                    .contains("account_email_trgm_idx", "account_name_trgm_idx")
                    .contains("match_patient_idx", "match_donor_idx")
                    .doesNotContain("Seq Scan");
        }
        assertThat(
                        planFromIndexes(
                                DocumentRepository.queueQuery(
                                        DocumentStatus.PENDING, "donor7-", null, 21)))
                .contains("account_email_trgm_idx", "account_name_trgm_idx")
                .doesNotContain("Seq Scan");
        assertThat(
                        planFromIndexes(
                                requests(ListingFilter.<RequestStatus>none().searching("donor7-"))))
                .contains("account_email_trgm_idx", "account_name_trgm_idx")
                .doesNotContain("Seq Scan");
    }

    private static MatchFilter matches(String status) {
        return MatchFilter.of(status, null, null, null, null, null);
    }

    private static ListQuery.Statement pledges(ListingFilter<PledgeStatus> filter) {
        return Pledges.pageQuery(filter, FIRST_PAGE);
    }

    private static ListQuery.Statement requests(ListingFilter<RequestStatus> filter) {
        return TransplantRequests.pageQuery(filter, FIRST_PAGE);
    }

    /**
     * An index gives the rows in the list's order: asked for a plan without sorting, bitmap or
     * sequential scans (PostgreSQL falls back to them only when nothing else answers), the planner
     * reads this index. Without it, another index would do with a filter (a longer scan) or a sort.
     */
    private static void assertOrderedFrom(String index, ListQuery.Statement query) {
        String plan =
                RegistryDatabase.transactions()
                        .execute(
                                status -> {
                                    for (String off :
                                            List.of(
                                                    "enable_sort",
                                                    "enable_bitmapscan",
                                                    "enable_seqscan")) {
                                        RegistryDatabase.jdbc()
                                                .sql("set local " + off + " = off")
                                                .update();
                                    }
                                    return plan(query);
                                });
        assertThat(plan)
                .as(plan)
                .contains(index)
                .doesNotContain("Sort")
                .doesNotContain("Seq Scan on pledge")
                .doesNotContain("Seq Scan on transplant_request");
    }

    /**
     * The plan from bitmaps of indexes wherever one answers (PostgreSQL reads a whole table only
     * when none does): which indexes can answer the query at all, whatever this small database's
     * statistics make the planner prefer.
     */
    private static String planFromIndexes(ListQuery.Statement query) {
        return RegistryDatabase.transactions()
                .execute(
                        status -> {
                            for (String off : List.of("enable_seqscan", "enable_indexscan")) {
                                RegistryDatabase.jdbc().sql("set local " + off + " = off").update();
                            }
                            return plan(query);
                        });
    }

    private static String plan(ListQuery.Statement query) {
        return String.join(
                "\n",
                RegistryDatabase.jdbc()
                        .sql("explain " + query.text())
                        .params(query.params())
                        .query(String.class)
                        .list());
    }

    /** What PostgreSQL's {@code md5(text)::uuid} makes of the text. */
    private static UUID md5Uuid(String text) {
        try {
            String hex =
                    HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("MD5")
                                            .digest(text.getBytes(StandardCharsets.UTF_8)));
            return UUID.fromString(
                    hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
