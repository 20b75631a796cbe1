package org.ramsetu.platform.allocation.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.allocation.GroupKey;
import org.ramsetu.core.allocation.MeldFormula;
import org.ramsetu.core.organ.Organ;

/** The bundled policy files load; a wrong file or setting stops the start with a clear reason. */
class AllocationPoliciesTest {

    @Test
    void theBundledVersionsLoadAndTheActiveOneIsTheSetting() {
        AllocationPolicies policies = AllocationPolicies.load("allocation/ramsetu-2026-2");

        assertThat(policies.all())
                .extracting(LoadedPolicy::id)
                .containsExactly("allocation/ramsetu-2026-1", "allocation/ramsetu-2026-2");
        assertThat(policies.active().id()).isEqualTo("allocation/ramsetu-2026-2");
        assertThat(policies.active().policy().rules(Organ.LIVER).meld())
                .isEqualTo(MeldFormula.MELD_3);
        assertThat(
                        policies.find("allocation/ramsetu-2026-1")
                                .orElseThrow()
                                .policy()
                                .rules(Organ.HEART)
                                .groups())
                .containsExactly(GroupKey.STATUS_TIER, GroupKey.DISTANCE_BAND);
        assertThat(policies.active().sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void anUnknownActiveVersionNamesTheKnownOnes() {
        assertThatThrownBy(() -> AllocationPolicies.load("allocation/ramsetu-1999-1"))
                .hasMessageContaining("ramsetu.allocation.policy=allocation/ramsetu-1999-1")
                .hasMessageContaining("allocation/ramsetu-2026-1, allocation/ramsetu-2026-2");
    }

    @Test
    void theDigestDependsOnTheContentNotOnLayoutOrOrganOrder() {
        LoadedPolicy bundled = AllocationPolicies.load("allocation/ramsetu-2026-1").active();
        // The canonical JSON read again (one line, organs sorted) is the same policy.
        LoadedPolicy again =
                PolicyReader.read(
                        "again.json", bundled.canonicalJson().getBytes(StandardCharsets.UTF_8));
        assertThat(again.sha256()).isEqualTo(bundled.sha256());
        assertThat(again.policy()).isEqualTo(bundled.policy());

        String changed = bundled.canonicalJson().replace("\"ml\":50.0", "\"ml\":51.0");
        assertThat(changed).isNotEqualTo(bundled.canonicalJson());
        assertThat(PolicyReader.read("x.json", changed.getBytes(StandardCharsets.UTF_8)).sha256())
                .isNotEqualTo(bundled.sha256());
    }

    @Test
    void aMissingNumberIsAnErrorNamingTheFileAndFieldNeverADefault() {
        String json =
                AllocationPolicies.load("allocation/ramsetu-2026-1")
                        .active()
                        .canonicalJson()
                        .replace("\"sensitisation\":50.0,", "");

        assertThatThrownBy(
                        () ->
                                PolicyReader.read(
                                        "broken.json", json.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("broken.json: organs.KIDNEY.points.sensitisation is required");
    }

    @Test
    void anUnknownGroupOrFieldIsNamed() {
        String base = AllocationPolicies.load("allocation/ramsetu-2026-1").active().canonicalJson();
        String unknownGroup = base.replace("\"ZERO_MISMATCH\"", "\"BLOOD_TYPE\"");
        String unknownField = base.replace("\"meld\":\"MELD_NA\"", "\"meld\":\"MELD_NA\",\"x\":1");

        assertThatThrownBy(() -> PolicyReader.read("g.json", bytes(unknownGroup)))
                .hasMessageContaining("g.json: organs.KIDNEY.groups: BLOOD_TYPE is not one of");
        assertThatThrownBy(() -> PolicyReader.read("f.json", bytes(unknownField)))
                .hasMessageContaining("f.json: not a policy file");
        assertThatThrownBy(
                        () ->
                                AllocationPolicies.of(
                                        List.of(
                                                PolicyReader.read("a.json", bytes(base)),
                                                PolicyReader.read("b.json", bytes(base))),
                                        "allocation/ramsetu-2026-1"))
                .hasMessageContaining("two allocation policy files have the id");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
