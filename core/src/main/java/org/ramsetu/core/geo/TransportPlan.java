package org.ramsetu.core.geo;

/** The chosen mode and its door-to-door hours (handling included). */
public record TransportPlan(TransportMode mode, double hours) {}
