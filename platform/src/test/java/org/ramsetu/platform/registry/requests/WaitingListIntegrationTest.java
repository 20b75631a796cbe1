package org.ramsetu.platform.registry.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.core.allocation.WaitingRequest;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.testing.TestAccounts;
import org.ramsetu.platform.testing.TestProfiles;

/**
 * The allocation runs' cached waiting lists on a real PostgreSQL: whatever changed before a call (a
 * request listed, taken off, a patient's profile or a centre's place changed), the call sees, and
 * its list is the one a full read would give, whether it caught up from the change log (reading
 * only the changed requests) or read in full.
 */
class WaitingListIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String LIVER_LABS =
            """
            {"bilirubin": {"value": 2.1, "unit": "mg/dL"}, "inr": 1.4,
             "creatinine": {"value": 1.1, "unit": "mg/dL"}, "sodium": 134,
             "albumin": {"value": 3.2, "unit": "g/dL"}, "dialysedTwiceInPastWeek": false}
            """;

    private WaitingList waiting;
    private UUID administrator;

    @BeforeEach
    void anEmptyRegistryAndAFreshList() {
        db.jdbc()
                .sql(
                        "truncate transplant_request, patient_profile, transplant_centre,"
                                + " waiting_list_change cascade")
                .update();
        waiting = list();
        administrator = TestAccounts.insert(db.jdbc(), Role.ADMIN, NOW, NOW);
    }

    @Test
    void aListThatCaughtUpFromTheLogIsTheListAFullReadGives() {
        UUID staying = request(patient("O+"), "KIDNEY", "WAITING");
        UUID leaving = request(patient("A+"), "KIDNEY", "WAITING");
        UUID retyped = patient("B+");
        UUID retypedRequest = request(retyped, "KIDNEY", "WAITING");
        request(patient("O-"), "LIVER", "WAITING");
        List<WaitingRequest> before = waiting.of(Organ.KIDNEY, NOW);
        assertThat(ids(before)).containsExactlyInAnyOrder(staying, leaving, retypedRequest);

        UUID listed = request(patient("AB+"), "KIDNEY", "WAITING");
        request(patient("AB-"), "KIDNEY", "PENDING"); // not verified by its centre yet
        remove(leaving);
        db.jdbc()
                .sql("update patient_profile set blood_group = 'B-' where account_id = :p")
                .param("p", retyped)
                .update();
        List<WaitingRequest> after = waiting.of(Organ.KIDNEY, NOW);

        assertThat(ids(after)).containsExactlyInAnyOrder(staying, retypedRequest, listed);
        assertThat(after).containsExactlyInAnyOrderElementsOf(list().of(Organ.KIDNEY, NOW));
        assertThat(entry(after, retypedRequest).request().bloodGroup().toString()).isEqualTo("B-");
        assertThat(entry(after, staying))
                .as("an unchanged request is kept from the cached list, not read again")
                .isSameAs(entry(before, staying));
    }

    @Test
    void aCallWithNothingChangedAnswersTheCachedList() {
        request(patient("O+"), "HEART", "WAITING");
        List<WaitingRequest> first = waiting.of(Organ.HEART, NOW);

        assertThat(waiting.of(Organ.HEART, NOW)).isSameAs(first);
        request(patient("O+"), "CORNEA", "WAITING"); // another organ's list changed
        List<WaitingRequest> after = waiting.of(Organ.HEART, NOW);
        assertThat(after).containsExactlyElementsOf(first);
        assertThat(after.get(0)).as("caught up, not read in full").isSameAs(first.get(0));
    }

    @Test
    void aCentreMovedMovesTheRequestsListedThere() {
        UUID centre = centre(18.52, 73.85);
        UUID atCentre = request(patient("O+"), "KIDNEY", "WAITING");
        listAt(atCentre, centre);
        assertThat(entry(waiting.of(Organ.KIDNEY, NOW), atCentre).request().hospital())
                .isEqualTo(new Coordinates(18.52, 73.85));

        db.jdbc().sql("update transplant_centre set latitude = 19.08, longitude = 72.88").update();

        assertThat(entry(waiting.of(Organ.KIDNEY, NOW), atCentre).request().hospital())
                .isEqualTo(new Coordinates(19.08, 72.88));
    }

    @Test
    @Timeout(60)
    void aRequestListedAtACentreWhileTheCentreMovesIsLoggedWithTheMove() throws Exception {
        UUID centre = centre(18.52, 73.85);
        UUID request = request(patient("O+"), "KIDNEY", "WAITING");
        long before = generation();

        boolean waited =
                changedWhileHeld(
                        new Statement(
                                "update transplant_request set centre_id = ? where id = ?",
                                centre,
                                request),
                        new Statement(
                                "update transplant_centre set latitude = 19.08, longitude = 72.88"
                                        + " where id = ?",
                                centre));

        assertThat(waited)
                .as("the move waits for the listing before it looks up the centre's requests")
                .isTrue();
        assertThat(loggedSince(before, request))
                .as("logged by the listing and again by the move")
                .isEqualTo(2);
    }

    @Test
    @Timeout(60)
    void aRequestListedWhileItsPatientIsRetypedIsLoggedWithTheRetyping() throws Exception {
        UUID patient = patient("O+");
        UUID request = UUID.randomUUID();
        long before = generation();

        boolean waited =
                changedWhileHeld(
                        new Statement(
                                """
                                insert into transplant_request (id, patient_id, organ, status,
                                    urgency, clinical, listed_at, status_changed_at)
                                values (?, ?, 'KIDNEY', 'WAITING', 3, '{}'::jsonb, now(), now())
                                """,
                                request,
                                patient),
                        new Statement(
                                "update patient_profile set hla_typing = 'A2 A24 B7 B44 DR15'"
                                        + " where account_id = ?",
                                patient));

        assertThat(waited)
                .as("the retyping waits for the listing before it looks up the patient's requests")
                .isTrue();
        assertThat(loggedSince(before, request))
                .as("logged by the listing and again by the retyping")
                .isEqualTo(2);
    }

    /** One SQL statement with its parameters. */
    private record Statement(String sql, Object... parameters) {}

    /**
     * Runs {@code change} and commits it on one connection while {@code held} is written but not
     * yet committed on another, then commits {@code held}; answers whether the change had to wait
     * for it (on a lock) before it could finish.
     */
    private static boolean changedWhileHeld(Statement held, Statement change) throws Exception {
        // declared first, closed last: closing the holding connection (a rollback if anything
        // failed) is what lets a waiting change go on
        try (Connection changing = db.dataSource().getConnection();
                Connection holding = db.dataSource().getConnection()) {
            holding.setAutoCommit(false);
            changing.setAutoCommit(false);
            execute(changing, new Statement("set lock_timeout = '20s'"));
            execute(holding, held);
            int changingProcess = backendPid(changing);
            CompletableFuture<Void> changed =
                    CompletableFuture.runAsync(
                            () -> {
                                execute(changing, change);
                                commit(changing);
                            });
            boolean waited = waitsOnALock(changingProcess);
            holding.commit();
            changed.get(30, TimeUnit.SECONDS);
            return waited;
        }
    }

    private static long loggedSince(long generation, UUID request) {
        return db.jdbc()
                .sql(
                        "select count(*) from waiting_list_change"
                                + " where request_id = :r and generation > :g")
                .param("r", request)
                .param("g", generation)
                .query(Long.class)
                .single();
    }

    private static void execute(Connection connection, Statement statement) {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.parameters().length; i++) {
                prepared.setObject(i + 1, statement.parameters()[i]);
            }
            prepared.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Whether the server process comes to wait on a lock within 5 s. */
    private static boolean waitsOnALock(int process) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String waitingFor =
                    db.jdbc()
                            .sql("select wait_event_type from pg_stat_activity where pid = :p")
                            .param("p", process)
                            .query(String.class)
                            .optional()
                            .orElse(null);
            if ("Lock".equals(waitingFor)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void aListFacingMoreChangedRequestsThanAreWorthReadingByIdIsReadInFull() {
        request(patient("O+"), "KIDNEY", "WAITING");
        List<WaitingRequest> before = waiting.of(Organ.KIDNEY, NOW);

        bulkChange(WaitingList.FULL_READ_REQUESTS);
        List<WaitingRequest> caughtUp = waiting.of(Organ.KIDNEY, NOW);
        assertThat(caughtUp.get(0)).as("caught up by id").isSameAs(before.get(0));

        bulkChange(WaitingList.FULL_READ_REQUESTS + 1);
        List<WaitingRequest> after = waiting.of(Organ.KIDNEY, NOW);
        assertThat(after).containsExactlyElementsOf(before);
        assertThat(after.get(0)).as("read in full").isNotSameAs(before.get(0));
    }

    /** One statement that touched this many requests (of other lists, or since deleted). */
    private static void bulkChange(int requests) {
        long next = generation() + 1;
        db.jdbc()
                .sql(
                        "insert into waiting_list_change (generation, request_id)"
                                + " select :g, gen_random_uuid() from generate_series(1, :n)")
                .param("g", next)
                .param("n", requests)
                .update();
        setGeneration(next);
    }

    @Test
    void aListBehindTheKeptChangeLogIsReadInFull() {
        UUID first = request(patient("O+"), "LIVER", "WAITING");
        assertThat(ids(waiting.of(Organ.LIVER, NOW))).containsExactly(first);

        UUID second = request(patient("O+"), "LIVER", "WAITING");
        // as if 100,000 more generations had passed and their log been pruned
        db.jdbc()
                .sql("update waiting_list_generation set generation = generation + :n")
                .param("n", WaitingList.LOGGED_GENERATIONS + 1)
                .update();
        db.jdbc().sql("delete from waiting_list_change").update();

        assertThat(ids(waiting.of(Organ.LIVER, NOW))).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void oneStatementRaisesTheGenerationOnceAndLogsEachRequestOnce() {
        UUID one = request(patient("O+"), "KIDNEY", "WAITING");
        UUID other = request(patient("A+"), "KIDNEY", "WAITING");
        long before = generation();

        db.jdbc()
                .sql("update transplant_request set urgency = 4 where id in (:one, :other)")
                .param("one", one)
                .param("other", other)
                .update();

        assertThat(generation()).isEqualTo(before + 1);
        assertThat(logged(before + 1)).containsExactlyInAnyOrder(one, other);
    }

    @Test
    void aPatientsProfileChangedLogsEachOfTheirRequests() {
        UUID patient = patient("O+");
        UUID kidney = request(patient, "KIDNEY", "WAITING");
        UUID liver = request(patient, "LIVER", "WAITING");
        long before = generation();

        db.jdbc()
                .sql("update patient_profile set weight_kg = 64 where account_id = :p")
                .param("p", patient)
                .update();

        assertThat(logged(before + 1)).containsExactlyInAnyOrder(kidney, liver);
    }

    @Test
    void aStatementThatTouchesNoRequestOnAListRaisesNothing() {
        UUID patient = patient("O+"); // no requests
        UUID listedAt = centre(18.52, 73.85);
        UUID empty = centre(19.08, 72.88);
        UUID request = request(patient("A+"), "KIDNEY", "WAITING");
        listAt(request, listedAt);
        long before = generation();

        db.jdbc()
                .sql("update transplant_request set urgency = 2 where patient_id = :p")
                .param("p", patient)
                .update();
        db.jdbc()
                .sql("update patient_profile set weight_kg = 64 where account_id = :p")
                .param("p", patient)
                .update();
        db.jdbc()
                .sql("update transplant_centre set latitude = 20 where id = :c")
                .param("c", empty)
                .update();
        db.jdbc()
                .sql("update transplant_centre set name = 'Renamed Centre' where id = :c")
                .param("c", listedAt)
                .update();

        assertThat(generation()).isEqualTo(before);
        assertThat(
                        db.jdbc()
                                .sql(
                                        "select count(*) from waiting_list_change where generation > :g")
                                .param("g", before)
                                .query(Long.class)
                                .single())
                .isZero();
    }

    @Test
    void aListAsFarBehindAsTheLogKeepsCatchesUpFromItAndNoFurther() {
        UUID patient = patient("O+");
        UUID first = request(patient, "KIDNEY", "WAITING");
        // the list is read at a generation c such that c + LOGGED_GENERATIONS prunes (every 100th)
        long c = (generation() / 100 + 1) * 100;
        setGeneration(c);
        List<WaitingRequest> cached = waiting.of(Organ.KIDNEY, NOW);
        UUID second = request(patient("A+"), "KIDNEY", "WAITING"); // logged at c + 1
        setGeneration(c + WaitingList.LOGGED_GENERATIONS - 1);
        UUID third = request(patient("B+"), "KIDNEY", "WAITING"); // raises to a pruning generation

        assertThat(generation()).isEqualTo(c + WaitingList.LOGGED_GENERATIONS);
        assertThat(logged(c + 1))
                .as("kept while a list read at %s may still ask for it", c)
                .containsExactly(second);
        List<WaitingRequest> caughtUp = waiting.of(Organ.KIDNEY, NOW);
        assertThat(ids(caughtUp)).containsExactlyInAnyOrder(first, second, third);
        assertThat(entry(caughtUp, first))
                .as("caught up from the log, not read in full")
                .isSameAs(entry(cached, first));

        // a hundred generations later the log no longer reaches back to c + 1
        setGeneration(c + WaitingList.LOGGED_GENERATIONS + 99);
        request(patient("AB+"), "KIDNEY", "WAITING");
        assertThat(logged(c + 1)).isEmpty();
    }

    private static void setGeneration(long generation) {
        db.jdbc()
                .sql("update waiting_list_generation set generation = :g")
                .param("g", generation)
                .update();
    }

    @Test
    void agesAreOnTheDayOfTheCall() {
        UUID request = request(patient("O+", LocalDate.of(1970, 12, 7)), "CORNEA", "WAITING");
        Instant dayBefore = Instant.parse("2026-12-06T10:00:00Z");

        assertThat(entry(waiting.of(Organ.CORNEA, dayBefore), request).request().body().ageYears())
                .isEqualTo(55);
        assertThat(entry(waiting.of(Organ.CORNEA, NOW), request).request().body().ageYears())
                .isEqualTo(56);
    }

    private static WaitingList list() {
        return new WaitingList(db.jdbc(), db.transactions().getTransactionManager());
    }

    private static List<UUID> ids(List<WaitingRequest> list) {
        return list.stream().map(w -> UUID.fromString(w.request().patientId())).toList();
    }

    private static WaitingRequest entry(List<WaitingRequest> list, UUID request) {
        return list.stream()
                .filter(w -> w.request().patientId().equals(request.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(request + " is not on " + ids(list)));
    }

    private static long generation() {
        return db.jdbc()
                .sql("select generation from waiting_list_generation")
                .query(Long.class)
                .single();
    }

    private static List<UUID> logged(long generation) {
        return db.jdbc()
                .sql("select request_id from waiting_list_change where generation = :g")
                .param("g", generation)
                .query(UUID.class)
                .list();
    }

    private static UUID patient(String bloodGroup) {
        return patient(bloodGroup, LocalDate.of(1970, 1, 1));
    }

    private static UUID patient(String bloodGroup, LocalDate born) {
        return TestProfiles.patient(TestAccounts.insert(db.jdbc(), Role.PATIENT, NOW, NOW))
                .bloodGroup(bloodGroup)
                .born(born)
                .insert(db.jdbc());
    }

    /**
     * A request with what its organ requires: a heart its status, a liver its MELD scores and the
     * labs they were computed from.
     */
    private static UUID request(UUID patient, String organ, String status) {
        UUID id = UUID.randomUUID();
        db.jdbc()
                .sql(
                        """
                        insert into transplant_request (id, patient_id, organ, status, urgency,
                            clinical, heart_status, heart_status_version, meld_na,
                            meld_na_version, meld_3, meld_3_version, listed_at, status_changed_at)
                        select :id, :patient, :organ, :status, 3,
                            case when liver then cast(:labs as jsonb) else '{}'::jsonb end,
                            case when heart then 4 end, case when heart then 'test' end,
                            case when liver then 18 end, case when liver then 'test' end,
                            case when liver then 19 end, case when liver then 'test' end, :at, :at
                        from (select :organ = 'HEART' as heart, :organ = 'LIVER' as liver) o
                        """)
                .param("id", id)
                .param("patient", patient)
                .param("organ", organ)
                .param("status", status)
                .param("labs", LIVER_LABS)
                .param("at", Timestamp.from(NOW))
                .update();
        return id;
    }

    private static void listAt(UUID request, UUID centre) {
        db.jdbc()
                .sql("update transplant_request set centre_id = :c where id = :r")
                .param("c", centre)
                .param("r", request)
                .update();
    }

    private static void remove(UUID request) {
        db.jdbc()
                .sql(
                        "update transplant_request set status = 'REMOVED',"
                                + " removal_reason = 'transplanted abroad' where id = :id")
                .param("id", request)
                .update();
    }

    private UUID centre(double latitude, double longitude) {
        UUID id = UUID.randomUUID();
        db.jdbc()
                .sql(
                        """
                        insert into transplant_centre (id, name, registration_number,
                            registration_key, city, state, latitude, longitude, programmes,
                            created_by, created_at, updated_by, updated_at)
                        values (:id, 'City Transplant Centre', :reg, :reg, 'Pune', 'Maharashtra',
                            :lat, :lon, '{KIDNEY}', :admin, now(), :admin, now())
                        """)
                .param("id", id)
                .param("reg", "MH/TTX/" + id)
                .param("lat", latitude)
                .param("lon", longitude)
                .param("admin", administrator)
                .update();
        return id;
    }
}
