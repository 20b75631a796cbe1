package org.ramsetu.platform.architecture.planted.stock;

import java.util.UUID;

/** The face of the planted stock module. */
public interface Stock {
    int available(String item);

    /** Takes a raw UUID at a module's face: what TypedIdsAtModuleFacesTest must catch. */
    int reservedFor(UUID order);
}
