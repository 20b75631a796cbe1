package org.ramsetu.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.fixtures.Fixtures;
import org.ramsetu.core.organ.Organ;

class GeographyTest {

    @Test
    void mumbaiToDelhiIsAbout1150Km() {
        // Great-circle Mumbai–Delhi is ≈ 1,150 km (published airport-to-city figures 1,136–1,153
        // km).
        assertThat(Fixtures.MUMBAI.distanceKmTo(Fixtures.DELHI)).isCloseTo(1153, within(10.0));
    }

    @Test
    void coordinatesOutOfRangeAreRejected() {
        assertThatThrownBy(() -> new Coordinates(91, 0))
                .isInstanceOf(InvalidClinicalValueException.class)
                .hasMessageContaining("latitude must be between -90 and 90 degrees");
        assertThatThrownBy(() -> new Coordinates(0, -181)).hasMessageContaining("longitude");
    }

    @Test
    void shortTripsGoByRoadLongOnesByAir() {
        TransportSettings s = TransportSettings.DEFAULTS;
        TransportPlan pune = s.plan(120);
        assertThat(pune.mode()).isEqualTo(TransportMode.ROAD);
        assertThat(pune.hours()).isCloseTo(0.5 + 2.0, within(1e-9));
        TransportPlan delhi = s.plan(1150);
        assertThat(delhi.mode()).isEqualTo(TransportMode.AIR);
        assertThat(delhi.hours()).isCloseTo(2.0 + 1150 / 500.0, within(1e-9));
    }

    @Test
    void heartToDelhiIsBeyondTargetButWithinHardLimitSoFlaggedNearLimit() {
        IschaemiaLimits heart = IschaemiaLimits.forOrgan(Organ.HEART, null);
        // 2.0 h handling + 2.3 h flight + 1 h surgery = 5.3 h: > 4 h target, ≤ 6 h hard stop
        IschaemiaAssessment a = heart.assess(0, TransportSettings.DEFAULTS.plan(1150), 1.0);
        assertThat(a.feasible()).isTrue();
        assertThat(a.nearLimit()).isTrue();
        assertThat(heart.assess(1.0, TransportSettings.DEFAULTS.plan(1150), 1.0).feasible())
                .isFalse();
    }

    @Test
    void kidneyNearbyIsComfortablyWithinTarget() {
        IschaemiaAssessment a =
                IschaemiaLimits.forOrgan(Organ.KIDNEY, null)
                        .assess(2, TransportSettings.DEFAULTS.plan(120), 1);
        assertThat(a.feasible()).isTrue();
        assertThat(a.nearLimit()).isFalse();
    }

    @Test
    void corneaLimitIsTheStorageMediumLimit() {
        assertThat(IschaemiaLimits.forOrgan(Organ.CORNEA, StorageMedium.MOIST_CHAMBER).hardHours())
                .isEqualTo(48);
        assertThat(IschaemiaLimits.forOrgan(Organ.CORNEA, StorageMedium.OPTISOL_GS).hardHours())
                .isEqualTo(14 * 24);
        IschaemiaAssessment moist =
                IschaemiaLimits.forOrgan(Organ.CORNEA, StorageMedium.MOIST_CHAMBER)
                        .assess(45, TransportSettings.DEFAULTS.plan(1150), 1);
        assertThat(moist.feasible()).isFalse();
        assertThatThrownBy(() -> IschaemiaLimits.forOrgan(Organ.CORNEA, null))
                .hasMessageContaining("cornea.storageMedium");
    }
}
