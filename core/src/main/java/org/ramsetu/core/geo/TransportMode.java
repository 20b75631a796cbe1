package org.ramsetu.core.geo;

/** How an organ travels between hospitals. */
public enum TransportMode {
    ROAD,
    AIR
}
