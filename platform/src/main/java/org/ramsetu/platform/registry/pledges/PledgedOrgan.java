package org.ramsetu.platform.registry.pledges;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.Sex;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.registry.common.HlaText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;

/**
 * One pledge, in any status, with its donor's profile as an allocation run offers it. The clinical
 * values are parsed only when {@link #offer} is asked (a run refuses a pledge that is not verified
 * or whose donor has no profile before it needs them).
 */
@NamedInterface("pledges")
public final class PledgedOrgan {

    /** The columns of a pledge and its donor's profile, ending before the {@code where}. */
    private static final String SELECT =
            """
            select p.id, p.version, p.status, p.organ, p.donor_id, p.created_at,
                p.tests::text as tests, d.account_id as profile, d.blood_group,
                d.date_of_birth, d.sex, d.height_cm, d.weight_kg, d.latitude,
                d.longitude, d.hla_typing, d.hypertension, d.diabetes
            from pledge p left join donor_profile d on d.account_id = p.donor_id
            """;

    private final PledgeId id;
    private final long version;
    private final PledgeStatus status;
    private final Organ organ;
    private final AccountId donor;
    private final boolean hasProfile;
    private final Instant pledgedAt;
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

    /** Empty for an unknown pledge; a pledge whose donor has no profile is found, without one. */
    public static Optional<PledgedOrgan> find(JdbcClient jdbc, PledgeId id) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("id", id.value())
                .query((rs, row) -> new PledgedOrgan(rs))
                .optional();
    }

    /** The pledges among {@code ids} that exist, by id, in one query. */
    public static Map<PledgeId, PledgedOrgan> findAll(JdbcClient jdbc, Collection<PledgeId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<PledgeId, PledgedOrgan> found = new HashMap<>();
        jdbc.sql(SELECT + " where p.id = any(:ids)")
                .param("ids", ids.stream().map(PledgeId::value).distinct().toArray(UUID[]::new))
                .query((rs, row) -> new PledgedOrgan(rs))
                .list()
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    private PledgedOrgan(ResultSet rs) throws SQLException {
        id = new PledgeId(rs.getObject("id", UUID.class));
        version = rs.getLong("version");
        status = PledgeStatus.valueOf(rs.getString("status"));
        organ = Organ.valueOf(rs.getString("organ"));
        donor = new AccountId(rs.getObject("donor_id", UUID.class));
        hasProfile = rs.getObject("profile") != null;
        pledgedAt = rs.getTimestamp("created_at").toInstant();
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

    public PledgeId id() {
        return id;
    }

    public long version() {
        return version;
    }

    public PledgeStatus status() {
        return status;
    }

    public Organ organ() {
        return organ;
    }

    public AccountId donor() {
        return donor;
    }

    public boolean hasProfile() {
        return hasProfile;
    }

    /** From the donor's medical history; false without a profile. */
    public boolean hypertension() {
        return hypertension;
    }

    /** From the donor's medical history; false without a profile. */
    public boolean diabetes() {
        return diabetes;
    }

    /**
     * The clinical core's offer (its donor id is the pledge id), with the donor's age on {@code
     * today} and no ischaemia time used: a pledged organ has not been recovered.
     *
     * @throws IllegalStateException when the donor has no profile
     */
    public DonorOffer offer(LocalDate today) {
        if (!hasProfile) {
            throw new IllegalStateException("the donor of pledge " + id + " has no profile");
        }
        return new DonorOffer(
                id.toString(),
                organ,
                BloodGroup.parse(bloodGroup),
                HlaText.typing(hla),
                new Coordinates(latitude, longitude),
                status,
                pledgedAt,
                0,
                new BodySize(
                        Period.between(born, today).getYears(), Sex.valueOf(sex), height, weight),
                StoredPledgeTests.read(organ, tests));
    }
}
