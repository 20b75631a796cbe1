package org.ramsetu.core.allocation;

import org.ramsetu.core.Require;

/**
 * Kidney longevity matching limits: a donor with KDPI ≤ {@code kdpiMax} goes first to candidates
 * with EPTS ≤ {@code eptsMax} (OPTN Policy 8; docs/domain.md: 20 % and 20 %).
 */
public record Longevity(int kdpiMax, int eptsMax) {
    public Longevity {
        Require.inRange("longevity.kdpiMax", kdpiMax, 0, 100, "%");
        Require.inRange("longevity.eptsMax", eptsMax, 0, 100, "%");
    }

    /** Whether the pair is in the longevity group; false for a donor of unknown KDPI. */
    public boolean matches(Integer donorKdpi, Integer candidateEpts) {
        return donorKdpi != null
                && candidateEpts != null
                && donorKdpi <= kdpiMax
                && candidateEpts <= eptsMax;
    }
}
