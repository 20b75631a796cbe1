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

    /** A donor profile being described. */
    public static final class Donor {
        private final UUID accountId;
        private String bloodGroup = "O+";
        private LocalDate born = LocalDate.of(1980, 1, 1);
        private String city = "Testpur";
        private String state = "Maharashtra";
        private double latitude = 18.5;
        private double longitude = 73.8;
        private Instant at;

        private Donor(UUID accountId) {
            this.accountId = accountId;
        }

        public Donor bloodGroup(String bloodGroup) {
            this.bloodGroup = bloodGroup;
            return this;
        }

        public Donor born(LocalDate born) {
            this.born = born;
            return this;
        }

        /** Where the donor lives; the coordinates stay as they are unless {@link #at} says. */
        public Donor livingIn(String city, String state) {
            this.city = city;
            this.state = state;
            return this;
        }

        public Donor at(double latitude, double longitude) {
            this.latitude = latitude;
            this.longitude = longitude;
            return this;
        }

        /** When consent was given and the profile created (default: the database's now). */
        public Donor createdAt(Instant at) {
            this.at = at;
            return this;
        }

        /** Stores the profile; answers the account's id. */
        public UUID insert(JdbcClient jdbc) {
            jdbc.sql(
                            """
                            insert into donor_profile (account_id, blood_group, date_of_birth, sex,
                                height_cm, weight_kg, city, city_key, state, latitude, longitude,
                                hypertension, diabetes, consent_given_at, created_at, updated_at)
                            values (:id, :group, :born, 'FEMALE', 165, 60, :city, lower(:city),
                                :state, :lat, :lon, false, false, coalesce(:at, now()),
                                coalesce(:at, now()), coalesce(:at, now()))
                            """)
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
    }

    /** A patient profile being described. */
    public static final class Patient {
        private final UUID accountId;
        private String bloodGroup = "O+";
        private LocalDate born = LocalDate.of(1970, 1, 1);
        private String hospital = "Test Hospital";
        private String city = "Pune";
        private String state = "Maharashtra";
        private double latitude = 18.52;
        private double longitude = 73.85;
        private Instant at;

        private Patient(UUID accountId) {
            this.accountId = accountId;
        }

        public Patient bloodGroup(String bloodGroup) {
            this.bloodGroup = bloodGroup;
            return this;
        }

        public Patient born(LocalDate born) {
            this.born = born;
            return this;
        }

        /** The hospital that lists the patient; its coordinates stay unless {@link #at} says. */
        public Patient treatedAt(String hospital, String city, String state) {
            this.hospital = hospital;
            this.city = city;
            this.state = state;
            return this;
        }

        public Patient at(double latitude, double longitude) {
            this.latitude = latitude;
            this.longitude = longitude;
            return this;
        }

        /** When the profile was created (default: the database's now). */
        public Patient createdAt(Instant at) {
            this.at = at;
            return this;
        }

        /** Stores the profile; answers the account's id. */
        public UUID insert(JdbcClient jdbc) {
            jdbc.sql(
                            """
                            insert into patient_profile (account_id, blood_group, date_of_birth,
                                sex, height_cm, weight_kg, hospital_name, hospital_city,
                                hospital_city_key, hospital_state, hospital_latitude,
                                hospital_longitude, created_at, updated_at)
                            values (:id, :group, :born, 'MALE', 170, 70, :hospital, :city,
                                lower(:city), :state, :lat, :lon, coalesce(:at, now()),
                                coalesce(:at, now()))
                            """)
                    .param("id", accountId)
                    .param("group", bloodGroup)
                    .param("born", born)
                    .param("hospital", hospital)
                    .param("city", city)
                    .param("state", state)
                    .param("lat", latitude)
                    .param("lon", longitude)
                    .param("at", at == null ? null : Timestamp.from(at))
                    .update();
            return accountId;
        }
    }
}
