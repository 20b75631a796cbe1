package org.ramsetu.core.hla;

/** HLA points with the rule that produced them, for display and the run record. */
public record HlaPoints(HlaMismatch mismatch, double points, String formulaVersion) {}
