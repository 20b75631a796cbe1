package org.ramsetu.platform.registry.pledges;

import org.ramsetu.core.donor.DonorTests;
import org.ramsetu.core.organ.Organ;
import org.springframework.modulith.NamedInterface;

/**
 * For the matching workflow, which reads pledges in bulk with its own candidate query: the {@code
 * tests} column of a pledge as the clinical core's test results (checked again on the way in).
 */
@NamedInterface("pledges")
public final class StoredPledgeTests {

    private StoredPledgeTests() {}

    public static DonorTests read(Organ organ, String testsJson) {
        return PledgeTests.fromJson(organ, testsJson);
    }
}
