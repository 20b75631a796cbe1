package org.ramsetu.platform.allocation.simulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ramsetu.core.allocation.simulation.SimulationReport;
import org.ramsetu.core.allocation.simulation.SimulationSettings;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/allocation-simulations} (coordinators): the same report as {@code
 * ramsetu simulate --format json}, for the console's policy comparison charts. Bounded, so one call
 * stays within seconds: at most 1,000 donors over at most 3,650 days.
 */
@Tag(name = "Allocation", description = "Allocation runs for a pledged organ, and their simulation")
@RestController
public class AllocationSimulationController {

    /** The most donors one HTTP simulation replays (the CLI allows more). */
    public static final int MAX_DONORS = 1_000;

    private final SimulatingAllocation simulating;

    public AllocationSimulationController(SimulatingAllocation simulating) {
        this.simulating = simulating;
    }

    /**
     * @param organ {@code KIDNEY}, {@code LIVER}, {@code HEART} or {@code CORNEA}
     * @param donors synthetic donor organs to replay, 1 to 1,000
     * @param days the simulated period, 1 to 3,650
     * @param policy the policy versions to compare (repeat the parameter); default all
     * @param seed which synthetic donors (same seed, same donors)
     */
    @Operation(operationId = "simulateAllocation")
    @GetMapping("/api/v1/admin/allocation-simulations")
    public SimulationReport simulate(
            @RequestParam String organ,
            @Parameter(
                            schema =
                                    @Schema(
                                            types = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MAX_DONORS,
                                            defaultValue = "200"))
                    @RequestParam(defaultValue = "200")
                    int donors,
            @Parameter(
                            schema =
                                    @Schema(
                                            types = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + SimulationSettings.MAX_DAYS,
                                            defaultValue = "90"))
                    @RequestParam(defaultValue = "90")
                    int days,
            @RequestParam(required = false) List<String> policy,
            @RequestParam(defaultValue = "7") long seed) {
        if (donors < 1 || donors > MAX_DONORS) {
            throw ApiProblem.invalidField("donors", "must be 1 to " + MAX_DONORS);
        }
        if (days < 1 || days > SimulationSettings.MAX_DAYS) {
            throw ApiProblem.invalidField("days", "must be 1 to " + SimulationSettings.MAX_DAYS);
        }
        return simulating.simulate(Organ.parse(organ), donors, days, seed, policy);
    }
}
