package org.ramsetu.core.donor;

import org.ramsetu.core.organ.Organ;

/**
 * Per-organ donor test results. A {@code null} field means "not reported"; features decide, per
 * documented policy, whether that is imputed or excludes the donor.
 */
public sealed interface DonorTests permits KidneyTests, LiverTests, HeartTests, CorneaTests {
    Organ organ();
}
