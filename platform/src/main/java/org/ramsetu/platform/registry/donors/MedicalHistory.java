package org.ramsetu.platform.registry.donors;

import org.springframework.modulith.NamedInterface;

/**
 * What a donor tells about their health that the kidney donor risk index uses (hypertension,
 * diabetes), and anything else in their words.
 *
 * @param notes free text, or null
 */
@NamedInterface("donors")
public record MedicalHistory(boolean hypertension, boolean diabetes, String notes) {}
