package org.ramsetu.platform.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Donor and patient profiles stored directly, for tests of the parts that read them (reports,
 * reminders, match parties, the candidate snapshot). Each starts from plausible values; a test
 * changes only what it is about, then {@code insert}s.
 */
public final class TestProfiles {

    private TestProfiles() {}

    /** A donor profile for {@code accountId}: O+, born 1980, in Testpur (Maharashtra). */
    public static Donor donor(UUID accountId) {
        return new Donor(accountId);
    }

    /** A patient profile for {@code accountId}: O+, born 1970, at a hospital in Pune. */
    public static Patient patient(UUID accountId) {
        return new Patient(accountId);
    }

    /**
     * What both profiles have: the person, a place (the home or the hospital) and when the profile
     * was created.
     *
     * @param <P> the profile being described, so that each setter answers it
     */
    public abstract static class Profile<P extends Profile<P>> {
        final UUID accountId;
        String bloodGroup = "O+";
        LocalDate born;
        String city;
        String state = "Maharashtra";
        double latitude;
        double longitude;
        Instant at;

        Profile(UUID accountId, LocalDate born, String city, double latitude, double longitude) {
            this.accountId = accountId;
            this.born = born;
            this.city = city;
            this.latitude = latitude;
            this.longitude = longitude;
        }

        abstract P self();

        public P bloodGroup(String bloodGroup) {
            this.bloodGroup = bloodGroup;
            return self();
        }

        public P born(LocalDate born) {
            this.born = born;
            return self();
        }

        /** The place's coordinates; its city and state stay as they are. */
        public P at(double latitude, double longitude) {
            this.latitude = latitude;
            this.longitude = longitude;
            return self();
        }

        /** When the profile was created (default: the database's now). */
        public P createdAt(Instant at) {
            this.at = at;
            return self();
        }

        /** Stores the profile; answers the account's id. */
        public UUID insert(JdbcClient jdbc) {
            statement(jdbc)
                    .param("id", accountId)
                    .param("group", bloodGroup)
                    .param("born", born)
                    .param("city", city)
                    .param("state", state)
                    .param("lat", latitude)
                    .param("lon", longitude)
                    .param("at", at == null ? null : Timestamp.from(at))
                    .update();
            return accountId;
        }

        /** The insert of this profile's table, with its own parameters bound. */
        abstract JdbcClient.StatementSpec statement(JdbcClient jdbc);
    }

    /** A donor profile being described. */
    public static final class Donor extends Profile<Donor> {

        private Donor(UUID accountId) {
            super(accountId, LocalDate.of(1980, 1, 1), "Testpur", 18.5, 73.8);
        }

        @Override
        Donor self() {
            return this;
        }

        /** Where the donor lives; the coordinates stay as they are unless {@link #at} says. */
        public Donor livingIn(String city, String state) {
            this.city = city;
            this.state = state;
            return this;
        }

        @Override
        JdbcClient.StatementSpec statement(JdbcClient jdbc) {
            return jdbc.sql(
                    """
                    insert into donor_profile (account_id, blood_group, date_of_birth, sex,
                        height_cm, weight_kg, city, city_key, state, latitude, longitude,
                        hypertension, diabetes, consent_given_at, created_at, updated_at)
                    values (:id, :group, :born, 'FEMALE', 165, 60, :city, lower(:city),
                        :state, :lat, :lon, false, false, coalesce(:at, now()),
                        coalesce(:at, now()), coalesce(:at, now()))
                    """);
        }
    }

    /** A patient profile being described. */
    public static final class Patient extends Profile<Patient> {
        private String hospital = "Test Hospital";

        private Patient(UUID accountId) {
            super(accountId, LocalDate.of(1970, 1, 1), "Pune", 18.52, 73.85);
        }

        @Override
        Patient self() {
            return this;
        }

        /** The hospital that lists the patient; its coordinates stay unless {@link #at} says. */
        public Patient treatedAt(String hospital, String city, String state) {
            this.hospital = hospital;
            this.city = city;
            this.state = state;
            return this;
        }

        @Override
        JdbcClient.StatementSpec statement(JdbcClient jdbc) {
            return jdbc.sql(
                            """
                            insert into patient_profile (account_id, blood_group, date_of_birth,
                                sex, height_cm, weight_kg, hospital_name, hospital_city,
                                hospital_city_key, hospital_state, hospital_latitude,
                                hospital_longitude, created_at, updated_at)
                            values (:id, :group, :born, 'MALE', 170, 70, :hospital, :city,
                                lower(:city), :state, :lat, :lon, coalesce(:at, now()),
                                coalesce(:at, now()))
                            """)
                    .param("hospital", hospital);
        }
    }
}
