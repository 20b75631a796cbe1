package org.ramsetu.core.scores;

/**
 * @param weightRatio donor weight / recipient weight
 * @param phmRatio donor / recipient predicted heart mass
 */
public record HeartSizeResult(
        double weightRatio, double phmRatio, boolean acceptable, String formulaVersion) {}
