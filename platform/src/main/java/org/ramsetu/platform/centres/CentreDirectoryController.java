package org.ramsetu.platform.centres;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.web.PageLimit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/centres}: the transplant centres as every signed-in user reads them, so that a
 * patient can name the centre they are listed at.
 */
@Tag(name = "Transplant centres")
@RestController
@RequestMapping("/api/v1/centres")
public class CentreDirectoryController {

    private final CentreService centres;

    public CentreDirectoryController(CentreService centres) {
        this.centres = centres;
    }

    /** Newest first, with how many match; {@code organ} keeps the centres with that programme. */
    @Operation(operationId = "listCentresForPatients")
    @GetMapping
    public Page<CentreListingView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String organ,
            @RequestParam(required = false) String after,
            @PageLimit @RequestParam(required = false) Integer limit) {
        return centres.directory(
                q,
                state,
                Fields.optionalEnum("organ", organ, Organ.class),
                PageRequest.of(limit, after));
    }
}
