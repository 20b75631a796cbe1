package org.ramsetu.platform.allocation.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.allocation.AllocationDonor;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.donor.KidneyTests;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.Kdri;
import org.ramsetu.core.scores.KdriResult;
import org.ramsetu.core.scores.KidneyDonorFactors;
import org.ramsetu.core.scores.PercentileResult;
import org.ramsetu.core.scores.PercentileTable;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.registry.common.HlaText;
import org.ramsetu.platform.registry.pledges.StoredPledgeTests;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a pledge with its donor's profile as the organ to allocate. Kidneys get their KDRI and KDPI
 * (2024 refit, docs/domain.md) from the donor's age, height, weight, hypertension, diabetes and
 * measured creatinine. A pledge does not record the cause of death or donation after circulatory
 * death: both count as "no" and the run says so. Without a measured creatinine KDPI is unknown, and
 * the longevity group then puts nobody first.
 */
class OfferedOrgans {

    static final String ASSUMPTIONS =
            "cause of death CVA and DCD are not recorded on pledges and count as no";

    private final JdbcClient jdbc;
    private final PercentileTable kdpiTable;

    OfferedOrgans(JdbcClient jdbc, PercentileTable kdpiTable) {
        this.jdbc = jdbc;
        this.kdpiTable = kdpiTable;
    }

    /** Empty for an unknown pledge; a pledge whose donor has no profile is reported as such. */
    Optional<Row> find(UUID pledgeId) {
        return jdbc.sql(
                        """
                        select p.id, p.version, p.status, p.organ, p.donor_id, p.created_at,
                            p.tests::text as tests, d.account_id as profile, d.blood_group,
                            d.date_of_birth, d.sex, d.height_cm, d.weight_kg, d.latitude,
                            d.longitude, d.hla_typing, d.hypertension, d.diabetes
                        from pledge p left join donor_profile d on d.account_id = p.donor_id
                        where p.id = :id
                        """)
                .param("id", pledgeId)
                .query((rs, row) -> new Row(rs))
                .optional();
    }

    /** A pledge row as read, turned into an offer on demand (only verified pledges are ranked). */
    final class Row {
        final UUID pledgeId;
        final long version;
        final PledgeStatus status;
        final Organ organ;
        final UUID donorAccountId;
        private final boolean hasProfile;
        private final Instant created;
        private final String tests;
        private final String bloodGroup;
        private final LocalDate born;
        private final String sex;
        private final double height;
        private final double weight;
        private final double latitude;
        private final double longitude;
        private final String hla;
        private final boolean hypertension;
        private final boolean diabetes;

        private Row(ResultSet rs) throws SQLException {
            pledgeId = rs.getObject("id", UUID.class);
            version = rs.getLong("version");
            status = PledgeStatus.valueOf(rs.getString("status"));
            organ = Organ.valueOf(rs.getString("organ"));
            donorAccountId = rs.getObject("donor_id", UUID.class);
            hasProfile = rs.getObject("profile") != null;
            created = rs.getTimestamp("created_at").toInstant();
            tests = rs.getString("tests");
            bloodGroup = rs.getString("blood_group");
            born = rs.getObject("date_of_birth", LocalDate.class);
            sex = rs.getString("sex");
            height = rs.getDouble("height_cm");
            weight = rs.getDouble("weight_kg");
            latitude = rs.getDouble("latitude");
            longitude = rs.getDouble("longitude");
            hla = rs.getString("hla_typing");
            hypertension = rs.getBoolean("hypertension");
            diabetes = rs.getBoolean("diabetes");
        }

        boolean hasProfile() {
            return hasProfile;
        }

        OfferedOrgan offer(Instant asOf) {
            LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
            DonorTests donorTests = StoredPledgeTests.read(organ, tests);
            BodySize body =
                    new BodySize(
                            Period.between(born, today).getYears(),
                            Sex.valueOf(sex),
                            height,
                            weight);
            DonorOffer offer =
                    new DonorOffer(
                            pledgeId.toString(),
                            organ,
                            BloodGroup.parse(bloodGroup),
                            HlaText.typing(hla),
                            new Coordinates(latitude, longitude),
                            status,
                            created,
                            0, // a pledged organ has used no ischaemia time yet
                            body,
                            donorTests);
            DonorFacts facts = facts(body, donorTests);
            return new OfferedOrgan(
                    pledgeId,
                    version,
                    status,
                    donorAccountId,
                    new AllocationDonor(offer, facts.kdpi()),
                    facts);
        }

        private DonorFacts facts(BodySize body, DonorTests donorTests) {
            if (organ != Organ.KIDNEY) {
                return new DonorFacts(bloodGroup, null, null, null, null, null, null, null);
            }
            Double creatinine = ((KidneyTests) donorTests).creatinineMgDl();
            if (creatinine == null) {
                return new DonorFacts(
                        bloodGroup,
                        null,
                        null,
                        null,
                        Kdri.VERSION,
                        null,
                        null,
                        "KDPI unknown: the pledge has no measured creatinine");
            }
            KdriResult kdri;
            try {
                kdri =
                        Kdri.compute(
                                new KidneyDonorFactors(
                                        body.ageYears(),
                                        height,
                                        weight,
                                        hypertension,
                                        diabetes,
                                        false,
                                        creatinine,
                                        false));
            } catch (InvalidClinicalValueException outsideKdriRange) {
                return new DonorFacts(
                        bloodGroup,
                        null,
                        null,
                        null,
                        Kdri.VERSION,
                        null,
                        null,
                        "KDPI unknown: " + outsideKdriRange.getMessage());
            }
            PercentileResult kdpi = Kdri.kdpi(kdri, kdpiTable);
            return new DonorFacts(
                    bloodGroup,
                    kdri.kdriRao(),
                    kdri.kdriMedian(),
                    kdpi.percentile(),
                    kdri.formulaVersion(),
                    kdpi.tableVersion(),
                    kdpi.provisional(),
                    ASSUMPTIONS);
        }
    }
}
