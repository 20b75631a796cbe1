package org.ramsetu.core.allocation;

import org.ramsetu.core.Require;
import org.ramsetu.core.patient.PatientRequest;

/**
 * A transplant request on the waiting list, with the facts allocation needs beyond the request.
 *
 * @param eptsPercentile the kidney candidate's EPTS percentile (0–100); null when unknown (not an
 *     adult, or not a kidney request)
 */
public record WaitingRequest(PatientRequest request, Integer eptsPercentile) {
    public WaitingRequest {
        Require.present("request", request);
        if (eptsPercentile != null) {
            Require.inRange("eptsPercentile", eptsPercentile, 0, 100, "%");
        }
    }
}
