package org.ramsetu.scoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.RankResponse;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoreResponse;
import org.ramsetu.scoring.runtime.Organs;
import org.ramsetu.scoring.runtime.Warming;
import org.ramsetu.scoring.service.InProcessScoringClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scoring API (docs/api.md "Scoring service"); errors are mapped by {@link ScoringProblems}.
 * Bodies are read as a stream by {@link CandidateJsonReader} (the organ is resolved first, so an
 * unknown organ is a 404 whatever the body).
 */
@Tag(name = "Scoring", description = "The scoring service: models, ranking and pair scores")
@RestController
@RequestMapping(path = "/v1", produces = "application/json")
public class ScoringController {

    /** {@code topK} when a rank request does not say. */
    public static final int DEFAULT_TOP_K = 10;

    private final InProcessScoringClient scoring;
    private final Warming warming;

    public ScoringController(InProcessScoringClient scoring, Warming warming) {
        this.scoring = scoring;
        this.warming = warming;
    }

    // The body is read as a stream, so its schema is stated here.
    @Operation(
            operationId = "rankCandidates",
            requestBody =
                    @RequestBody(
                            required = true,
                            content =
                                    @Content(schema = @Schema(implementation = RankRequest.class))))
    @PostMapping(path = "/models/{organ}/rank", consumes = "application/json")
    public RankResponse rank(@PathVariable String organ, InputStream body) {
        Organ o = Organs.parse(organ);
        CandidateJsonReader.Read read = reader(o).read(body);
        return scoring.rank(o, read.batch(), read.topK() == null ? DEFAULT_TOP_K : read.topK());
    }

    @Operation(
            operationId = "scorePairs",
            requestBody =
                    @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            schema = @Schema(implementation = ScoreRequest.class))))
    @PostMapping(path = "/models/{organ}/score", consumes = "application/json")
    public ScoreResponse score(@PathVariable String organ, InputStream body) {
        Organ o = Organs.parse(organ);
        return scoring.score(o, reader(o).read(body).batch());
    }

    @Operation(operationId = "listModels")
    @GetMapping("/models")
    public Map<String, List<ModelSummary>> models() {
        return Map.of("models", scoring.models());
    }

    @Operation(operationId = "warmUpModels")
    @PostMapping("/warmup")
    public Map<String, List<Warming.Warmed>> warmup() {
        return Map.of("models", warming.warmAll());
    }

    private CandidateJsonReader reader(Organ organ) {
        return new CandidateJsonReader(
                InProcessScoringClient.features(organ), scoring.maxCandidates());
    }
}
