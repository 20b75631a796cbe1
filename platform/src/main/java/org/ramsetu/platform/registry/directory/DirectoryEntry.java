package org.ramsetu.platform.registry.directory;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * One donor or patient in the coordinators' directory.
 *
 * @param place the donor's city, or the patient's treating hospital
 * @param openRecords open pledges (donor) or waiting requests (patient)
 */
@NamedInterface("directory")
public record DirectoryEntry(
        UUID accountId,
        String fullName,
        String email,
        String bloodGroup,
        String place,
        String city,
        String state,
        int openRecords,
        Instant registeredAt) {}
