package org.ramsetu.platform.registry.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.core.blood.Abo;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.geo.SearchBox;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.testing.TestAccounts;
import org.ramsetu.platform.testing.TestPledges;
import org.ramsetu.platform.testing.TestProfiles;

/**
 * The match runs' in-memory snapshot of verified pledges on a real PostgreSQL: whatever changed in
 * the registry before a call (a pledge verified, withdrawn, a donor moved or retyped, a bulk load),
 * the call sees, whether the snapshot catches up from the change log or reloads in full.
 */
class VerifiedPledgesIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Set<Abo> EVERY_GROUP = EnumSet.allOf(Abo.class);
    private static final Coordinates DELHI = new Coordinates(28.61, 77.21);
    private static final SearchBox NEAR_DELHI = SearchBox.around(DELHI, 500);

    private VerifiedPledges pledges;

    @BeforeEach
    void anEmptyRegistryAndAFreshSnapshot() {
        db.jdbc().sql("truncate pledge, donor_profile, candidate_change cascade").update();
        pledges =
                new VerifiedPledges(
                        db.jdbc(),
                        db.transactions().getTransactionManager(),
                        Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void onlyVerifiedPledgesOfTheOrganInsideTheBoxAndOfTheAskedGroupsAreFound() {
        UUID delhi = donor("O+", DELHI);
        UUID mumbai = donor("O+", new Coordinates(19.08, 72.88));
        UUID groupB = donor("B-", DELHI);
        UUID verified = pledge(delhi, "KIDNEY", "VERIFIED");
        pledge(delhi, "LIVER", "VERIFIED");
        pledge(mumbai, "KIDNEY", "VERIFIED");
        UUID b = pledge(groupB, "KIDNEY", "VERIFIED");
        pledge(donor("O+", DELHI), "KIDNEY", "PENDING");

        assertThat(ids(Organ.KIDNEY, EnumSet.of(Abo.O), NEAR_DELHI)).containsExactly(verified);
        assertThat(ids(Organ.KIDNEY, EVERY_GROUP, NEAR_DELHI))
                .containsExactlyInAnyOrder(verified, b);
        assertThat(ids(Organ.KIDNEY, EVERY_GROUP, SearchBox.WHOLE_EARTH)).hasSize(3);
        assertThat(pledges.sizes()).containsEntry(Organ.KIDNEY, 3).containsEntry(Organ.LIVER, 1);
    }

    @Test
    void everyPledgeOfTheOrganIsFoundOrCountedByWhyItWasSetAside() {
        UUID delhi = donor("O+", DELHI);
        UUID verified = pledge(delhi, "KIDNEY", "VERIFIED");
        pledge(donor("O-", new Coordinates(19.08, 72.88)), "KIDNEY", "VERIFIED");
        pledge(donor("A+", DELHI), "KIDNEY", "VERIFIED");
        pledge(donor("O+", DELHI), "KIDNEY", "PENDING");
        pledge(donor("O+", DELHI), "KIDNEY", "WITHDRAWN");
        pledge(donor("O+", DELHI), "KIDNEY", "WITHDRAWN");
        pledge(delhi, "HEART", "DONATED"); // another organ: not counted for kidneys

        PledgeSearch search = pledges.find(Organ.KIDNEY, EnumSet.of(Abo.O), NEAR_DELHI, NOW);

        assertThat(search.found()).extracting(p -> p.id().value()).containsExactly(verified);
        assertThat(search.setAside())
                .containsExactly(
                        Map.entry("PENDING", 1),
                        Map.entry("REJECTED", 0),
                        Map.entry("WITHDRAWN", 2),
                        Map.entry("DONATED", 0),
                        Map.entry(PledgeSearch.BLOOD_GROUP_NEVER_ALLOWED, 1),
                        Map.entry(PledgeSearch.OUT_OF_REACH, 1));
        assertThat(search.pledges())
                .isEqualTo(
                        db.jdbc()
                                .sql("select count(*) from pledge where organ = 'KIDNEY'")
                                .query(Integer.class)
                                .single());

        // a status change is counted at the next call, as the pledges are
        db.jdbc().sql("update pledge set status = 'VERIFIED' where status = 'PENDING'").update();
        assertThat(pledges.find(Organ.KIDNEY, EnumSet.of(Abo.O), NEAR_DELHI, NOW).setAside())
                .containsEntry("PENDING", 0);
    }

    @Test
    void aChangeCommittedBeforeACallIsSeenByIt() {
        UUID donor = donor("A+", DELHI);
        UUID kidney = pledge(donor, "KIDNEY", "PENDING");
        assertThat(ids(Organ.KIDNEY, EVERY_GROUP, NEAR_DELHI)).isEmpty();

        setStatus(kidney, "VERIFIED");
        List<VerifiedPledge> found =
                pledges.find(Organ.KIDNEY, EVERY_GROUP, NEAR_DELHI, NOW).found();
        assertThat(found).extracting(p -> p.id().value()).containsExactly(kidney);
        assertThat(found.get(0).donor().value()).isEqualTo(donor);
        assertThat(found.get(0).version()).isEqualTo(1);

        // the donor moves away: their pledges leave the box
        db.jdbc()
                .sql(
                        "update donor_profile set latitude = 19.08, longitude = 72.88 where account_id = :d")
                .param("d", donor)
                .update();
        assertThat(ids(Organ.KIDNEY, EVERY_GROUP, NEAR_DELHI)).isEmpty();

        // back, and retyped: the offer carries the new typing
        db.jdbc()
                .sql(
                        """
                        update donor_profile set latitude = 28.61, longitude = 77.21,
                            hla_typing = 'A2 A24 B7 B44 DR15' where account_id = :d
                        """)
                .param("d", donor)
                .update();
        assertThat(pledges.find(Organ.KIDNEY, EVERY_GROUP, NEAR_DELHI, NOW).found())
                .singleElement()
                .satisfies(p -> assertThat(p.offer().hla()).isNotNull());

        setStatus(kidney, "WITHDRAWN");
        assertThat(ids(Organ.KIDNEY, EVERY_GROUP, NEAR_DELHI)).isEmpty();
    }

    @Test
    void aSnapshotBehindTheKeptChangeLogReloadsInFull() {
        UUID first = pledge(donor("O-", DELHI), "HEART", "VERIFIED");
        assertThat(ids(Organ.HEART, EVERY_GROUP, NEAR_DELHI)).containsExactly(first);

        UUID second = pledge(donor("O-", DELHI), "HEART", "VERIFIED");
        // as if 100,000 more generations had passed and their log been pruned
        db.jdbc()
                .sql("update candidate_generation set generation = generation + :n")
                .param("n", VerifiedPledges.LOGGED_GENERATIONS + 1)
                .update();
        db.jdbc().sql("delete from candidate_change").update();

        assertThat(ids(Organ.HEART, EVERY_GROUP, NEAR_DELHI))
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void oneStatementRaisesTheGenerationOnceAndLogsEachDonorOnce() {
        UUID donor = donor("AB+", DELHI);
        long before = generation();
        db.jdbc()
                .sql(
                        """
                        insert into pledge (id, donor_id, organ, status, consent_given_at,
                            created_at, status_changed_at)
                        select gen_random_uuid(), :d, organ, 'VERIFIED', now(), now(), now()
                        from unnest(array['KIDNEY', 'LIVER', 'CORNEA']) organ
                        """)
                .param("d", donor)
                .update();

        assertThat(generation()).isEqualTo(before + 1);
        assertThat(
                        db.jdbc()
                                .sql("select donor_id from candidate_change where generation = :g")
                                .param("g", before + 1)
                                .query(UUID.class)
                                .list())
                .containsExactly(donor);
    }

    @Test
    void aStatementThatChangesNoRowRaisesNothing() {
        long before = generation();

        // a new donor's profile: the trigger that copies its facts onto the donor's pledges
        // updates none, since there are none yet
        UUID donor = donor("B+", DELHI);
        db.jdbc()
                .sql("update pledge set version = version where donor_id = :d")
                .param("d", donor)
                .update();
        db.jdbc()
                .sql("update donor_profile set weight_kg = 61 where account_id = :d and false")
                .param("d", donor)
                .update();

        assertThat(generation()).isEqualTo(before);
        assertThat(
                        db.jdbc()
                                .sql("select count(*) from candidate_change where generation > :g")
                                .param("g", before)
                                .query(Long.class)
                                .single())
                .isZero();
    }

    @Test
    void theChangeLogKeepsAtLeastTheGenerationsASnapshotMayAskFor() {
        UUID donor = donor("A+", DELHI);
        pledge(donor, "KIDNEY", "VERIFIED");
        long logged = generation();
        // jump to just before a pruning generation (every hundredth), then raise past it
        long target = (logged + VerifiedPledges.LOGGED_GENERATIONS) / 100 * 100 + 99;
        db.jdbc()
                .sql("update candidate_generation set generation = :g")
                .param("g", target - 1)
                .update();
        pledge(donor, "LIVER", "VERIFIED");
        boolean keptBeforePruning = changeLogged(logged);
        pledge(donor, "CORNEA", "VERIFIED");

        assertThat(generation()).isEqualTo(target + 1);
        assertThat(keptBeforePruning).isTrue();
        assertThat(changeLogged(logged))
                .as(
                        "pruned once more than %s generations lie behind it",
                        VerifiedPledges.LOGGED_GENERATIONS)
                .isEqualTo(target + 1 - logged < VerifiedPledges.LOGGED_GENERATIONS);
    }

    private static boolean changeLogged(long generation) {
        return db.jdbc()
                .sql("select exists (select 1 from candidate_change where generation = :g)")
                .param("g", generation)
                .query(Boolean.class)
                .single();
    }

    @Test
    void agesAreOnTheDayOfTheCall() {
        UUID donor = donor("O+", DELHI); // born 1980-12-06
        pledge(donor, "CORNEA", "VERIFIED");
        Instant dayBefore = LocalDate.of(2026, 12, 5).atStartOfDay(ZoneOffset.UTC).toInstant();

        assertThat(pledges.find(Organ.CORNEA, EVERY_GROUP, NEAR_DELHI, dayBefore).found())
                .singleElement()
                .satisfies(p -> assertThat(p.offer().body().ageYears()).isEqualTo(45));
        assertThat(
                        pledges.find(
                                        Organ.CORNEA,
                                        EVERY_GROUP,
                                        NEAR_DELHI,
                                        dayBefore.plusSeconds(86_400))
                                .found())
                .singleElement()
                .satisfies(p -> assertThat(p.offer().body().ageYears()).isEqualTo(46));
    }

    @Test
    void theSnapshotIsReadAheadOnceTheProcessServes() throws InterruptedException {
        pledge(donor("A-", DELHI), "LIVER", "VERIFIED");
        assertThat(pledges.sizes()).containsEntry(Organ.LIVER, 0);

        pledges.warm();

        for (int i = 0; i < 100 && pledges.sizes().get(Organ.LIVER) == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(pledges.sizes()).containsEntry(Organ.LIVER, 1);
    }

    private List<UUID> ids(Organ organ, Set<Abo> groups, SearchBox box) {
        return pledges.find(organ, groups, box, NOW).found().stream()
                .map(p -> p.id().value())
                .toList();
    }

    private long generation() {
        return db.jdbc()
                .sql("select generation from candidate_generation")
                .query(Long.class)
                .single();
    }

    private static UUID donor(String bloodGroup, Coordinates home) {
        return TestProfiles.donor(TestAccounts.insert(db.jdbc(), Role.DONOR, NOW, NOW))
                .bloodGroup(bloodGroup)
                .born(LocalDate.of(1980, 12, 6))
                .livingIn("Testpur", "Delhi")
                .at(home.latitude(), home.longitude())
                .insert(db.jdbc());
    }

    private static UUID pledge(UUID donor, String organ, String status) {
        return TestPledges.insert(db.jdbc(), donor, organ, status, null);
    }

    private static void setStatus(UUID pledge, String status) {
        db.jdbc()
                .sql("update pledge set status = :s, version = version + 1 where id = :id")
                .param("s", status)
                .param("id", pledge)
                .update();
    }
}
