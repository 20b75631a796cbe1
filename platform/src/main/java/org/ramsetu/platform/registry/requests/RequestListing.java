package org.ramsetu.platform.registry.requests;

/** A transplant request with the patient facts coordinators filter by (from the profile). */
public record RequestListing(
        TransplantRequest request,
        String bloodGroup,
        String hospitalName,
        String city,
        String state) {}
