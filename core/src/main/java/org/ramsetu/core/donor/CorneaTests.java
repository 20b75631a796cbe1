package org.ramsetu.core.donor;

import org.ramsetu.core.Require;
import org.ramsetu.core.geo.StorageMedium;
import org.ramsetu.core.organ.Organ;

/**
 * Cornea donor tests.
 *
 * @param endothelialCellDensity cells/mm² (200–5000)
 * @param deathToEnucleationHours 0–48 h
 */
public record CorneaTests(
        Double endothelialCellDensity,
        EyeHealth eyeHealth,
        InfectionStatus infection,
        ViralMarker serology,
        Double deathToEnucleationHours,
        StorageMedium storageMedium)
        implements DonorTests {
    public CorneaTests {
        if (endothelialCellDensity != null) {
            Require.inRange(
                    "cornea.endothelialCellDensity",
                    endothelialCellDensity,
                    200,
                    5000,
                    "cells/mm²");
        }
        if (deathToEnucleationHours != null) {
            Require.inRange("cornea.deathToEnucleationHours", deathToEnucleationHours, 0, 48, "h");
        }
    }

    @Override
    public Organ organ() {
        return Organ.CORNEA;
    }
}
