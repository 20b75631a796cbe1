package org.ramsetu.platform.registry.patients;

import org.ramsetu.platform.registry.common.Location;
import org.springframework.modulith.NamedInterface;

/** The hospital treating a patient: where a donated organ has to travel to. */
@NamedInterface("patients")
public record Hospital(String name, Location location) {}
