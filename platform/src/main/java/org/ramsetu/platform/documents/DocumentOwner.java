package org.ramsetu.platform.documents;

import java.util.UUID;

/** Who uploaded a document, as the coordinators' review queue shows it. */
public record DocumentOwner(UUID accountId, String fullName, String email) {}
