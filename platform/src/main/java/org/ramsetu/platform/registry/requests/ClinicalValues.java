package org.ramsetu.platform.registry.requests;

/**
 * The per-organ clinical values of a transplant request, in canonical units: what the scores were
 * computed from, stored with them.
 */
public sealed interface ClinicalValues
        permits LiverValues, KidneyValues, HeartValues, CorneaValues {}
