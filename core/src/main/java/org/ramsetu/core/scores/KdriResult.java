package org.ramsetu.core.scores;

/**
 * @param kdriRao relative risk versus the Rao reference donor (age 40, non-diabetic, …)
 * @param kdriMedian relative risk versus the median donor of the reference population
 */
public record KdriResult(
        double kdriRao, double kdriMedian, double scalingFactor, String formulaVersion) {}
