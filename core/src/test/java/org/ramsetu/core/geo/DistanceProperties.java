package org.ramsetu.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Haversine distance is a metric on the sphere. */
class DistanceProperties {

    @Property(tries = 300)
    void symmetric(@ForAll("points") Coordinates a, @ForAll("points") Coordinates b) {
        assertThat(a.distanceKmTo(b)).isCloseTo(b.distanceKmTo(a), within(1e-9));
    }

    @Property(tries = 200)
    void zeroOnTheDiagonal(@ForAll("points") Coordinates a) {
        assertThat(a.distanceKmTo(a)).isEqualTo(0.0);
    }

    @Property(tries = 300)
    void triangleInequality(
            @ForAll("points") Coordinates a,
            @ForAll("points") Coordinates b,
            @ForAll("points") Coordinates c) {
        assertThat(a.distanceKmTo(c))
                .isLessThanOrEqualTo(a.distanceKmTo(b) + b.distanceKmTo(c) + 1e-6);
    }

    @Property(tries = 200)
    void boundedByHalfTheCircumference(
            @ForAll("points") Coordinates a, @ForAll("points") Coordinates b) {
        assertThat(a.distanceKmTo(b)).isBetween(0.0, Math.PI * 6371.0088 + 1e-6);
    }

    @Property(tries = 300)
    void seriesArcsineAgreesWithMathAsin(
            @ForAll @net.jqwik.api.constraints.DoubleRange(min = 0, max = 1) double x) {
        assertThat(Coordinates.asin(x)).isCloseTo(Math.asin(x), within(1e-10 * Math.max(x, 1e-3)));
    }

    @Provide
    Arbitrary<Coordinates> points() {
        return Combinators.combine(
                        Arbitraries.doubles().between(-90, 90),
                        Arbitraries.doubles().between(-180, 180))
                .as(Coordinates::new);
    }
}
