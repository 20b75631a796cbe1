package org.ramsetu.platform.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.ramsetu.platform.accounts.Contacts;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.registry.donors.DonorProfiles;
import org.ramsetu.platform.registry.patients.PatientProfiles;
import org.ramsetu.platform.testing.TestAccounts;
import org.ramsetu.platform.testing.TestProfiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people of a coordinator's list of matches, read together on a real PostgreSQL: names for
 * everyone, contacts and places for the revealed parties, in a fixed number of statements however
 * many rows the list has.
 */
class MatchPartiesIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    private final AtomicInteger statements = new AtomicInteger();
    private MatchParties parties;

    @BeforeEach
    void partiesReadThroughACountingConnection() {
        JdbcClient counted = JdbcClient.create(counting(db.dataSource()));
        parties =
                new MatchParties(
                        new Contacts(counted),
                        new DonorProfiles(counted),
                        new PatientProfiles(counted));
    }

    @Test
    void aListReadsTheAccountsOnceAndEachProfileTableOnceWhateverItsLength() {
        List<UUID> donors = List.of(donor("Pune"), donor("Nashik"), donor("Nagpur"));
        List<UUID> patients = List.of(patient("Ruby Hall"), patient("KEM"));
        UUID withoutProfile = account(Role.DONOR, "Without Profile");
        UUID unknown = UUID.randomUUID();
        Set<UUID> everyone =
                Set.of(
                        donors.get(0),
                        donors.get(1),
                        donors.get(2),
                        patients.get(0),
                        patients.get(1),
                        withoutProfile,
                        unknown);
        statements.set(0);

        MatchParties.Listing listing =
                parties.listing(
                        everyone,
                        Set.of(donors.get(0), donors.get(1), withoutProfile, unknown),
                        Set.of(patients.get(0)));

        assertThat(statements.get()).as("accounts, donor profiles, patient profiles").isEqualTo(3);
        assertThat(listing.names())
                .as("everyone known, nobody unknown, each with their own name")
                .containsOnly(
                        entry(donors.get(0), "Donor of Pune"),
                        entry(donors.get(1), "Donor of Nashik"),
                        entry(donors.get(2), "Donor of Nagpur"),
                        entry(patients.get(0), "Patient at Ruby Hall"),
                        entry(patients.get(1), "Patient at KEM"),
                        entry(withoutProfile, "Without Profile"));
        assertThat(listing.donors()).containsOnlyKeys(donors.get(0), donors.get(1), withoutProfile);
        assertThat(listing.donors().get(donors.get(0)).place()).isEqualTo("Pune, Maharashtra");
        assertThat(listing.donors().get(donors.get(1)).place()).isEqualTo("Nashik, Maharashtra");
        assertThat(listing.donors().get(donors.get(1)).fullName()).isEqualTo("Donor of Nashik");
        assertThat(listing.donors().get(donors.get(0)).email())
                .isEqualTo(donors.get(0) + "@example.org");
        assertThat(listing.donors().get(withoutProfile).place())
                .as("no place before a profile")
                .isNull();
        assertThat(listing.patients()).containsOnlyKeys(patients.get(0));
        assertThat(listing.patients().get(patients.get(0)).place())
                .isEqualTo("Ruby Hall, Pune, Maharashtra");
        assertThat(listing.patients().get(patients.get(0)).fullName())
                .isEqualTo("Patient at Ruby Hall");
    }

    @Test
    void aListWithNothingRevealedReadsOnlyTheNames() {
        UUID donor = donor("Satara");
        statements.set(0);

        MatchParties.Listing listing = parties.listing(Set.of(donor), Set.of(), Set.of());

        assertThat(statements.get()).isEqualTo(1);
        assertThat(listing.names()).containsOnly(entry(donor, "Donor of Satara"));
        assertThat(listing.donors()).isEmpty();
        assertThat(listing.patients()).isEmpty();
    }

    private static Instant now() {
        return Instant.now();
    }

    /** An account with a name of its own, so that a name given to the wrong row shows. */
    private static UUID account(Role role, String fullName) {
        UUID id = TestAccounts.insert(db.jdbc(), role, now(), now());
        db.jdbc()
                .sql("update account set full_name = :name where id = :id")
                .param("name", fullName)
                .param("id", id)
                .update();
        return id;
    }

    private static UUID donor(String city) {
        return TestProfiles.donor(account(Role.DONOR, "Donor of " + city))
                .livingIn(city, "Maharashtra")
                .insert(db.jdbc());
    }

    private static UUID patient(String hospital) {
        return TestProfiles.patient(account(Role.PATIENT, "Patient at " + hospital))
                .treatedAt(hospital, "Pune", "Maharashtra")
                .at(18.5, 73.8)
                .insert(db.jdbc());
    }

    /** The data source, counting the statements prepared on its connections. */
    private DataSource counting(DataSource real) {
        return proxy(
                DataSource.class,
                real,
                (method, result) ->
                        method.equals("getConnection")
                                ? proxy(
                                        Connection.class,
                                        (Connection) result,
                                        (m, r) -> {
                                            if (m.equals("prepareStatement")) {
                                                statements.incrementAndGet();
                                            }
                                            return r;
                                        })
                                : result);
    }

    private interface AfterCall {
        Object after(String method, Object result);
    }

    private static <T> T proxy(Class<T> type, T real, AfterCall after) {
        return type.cast(
                Proxy.newProxyInstance(
                        type.getClassLoader(),
                        new Class<?>[] {type},
                        (self, method, args) -> {
                            try {
                                return after.after(method.getName(), method.invoke(real, args));
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }));
    }
}
