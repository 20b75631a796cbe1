package org.ramsetu.platform.registry.patients;

import org.ramsetu.platform.registry.common.Location;

/** The hospital treating a patient: where a donated organ has to travel to. */
public record Hospital(String name, Location location) {}
