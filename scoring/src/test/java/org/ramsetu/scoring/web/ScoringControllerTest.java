package org.ramsetu.scoring.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.runtime.LoadedModels;
import org.ramsetu.scoring.runtime.ModelLoader;
import org.ramsetu.scoring.runtime.ScoringMetrics;
import org.ramsetu.scoring.runtime.Warming;
import org.ramsetu.scoring.runtime.Warmup;
import org.ramsetu.scoring.service.InProcessScoringClient;
import org.ramsetu.scoring.testing.TinyModels;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class ScoringControllerTest {

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        LoadedModels models = new LoadedModels();
        models.install(TinyModels.loaded(Organ.KIDNEY, "v-test"));
        ScoringMetrics metrics = new ScoringMetrics(new SimpleMeterRegistry());
        InProcessScoringClient client = new InProcessScoringClient(models, 3, metrics);
        ModelLoader loader = new ModelLoader(null, new Warmup(10, 1), metrics, 1);
        mvc =
                MockMvcBuilders.standaloneSetup(
                                new ScoringController(client, new Warming(models, loader)))
                        .setControllerAdvice(new ScoringProblems())
                        .build();
    }

    /** A JSON body posted to the scoring API. */
    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String candidate(String id, String hla) {
        return "{\"id\":\""
                + id
                + "\",\"features\":{\"hla_score\":"
                + hla
                + ",\"renal_score\":0.9,\"imaging_score\":0.8,\"cardiac_score\":0.9,\"distance_km\":120.5,\"urgency_level\":3}}";
    }

    @Test
    void rankAnswersTopKWithContributionsKeyedById() throws Exception {
        postJson(
                        "/v1/models/Kidney/rank",
                        "{\"candidates\":["
                                + candidate("low", "0.4")
                                + ","
                                + candidate("high", "0.99")
                                + "],\"topK\":1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.modelVersion").value("v-test"))
                .andExpect(jsonPath("$.results.length()").value(1))
                .andExpect(jsonPath("$.results[0].id").value("high"))
                .andExpect(jsonPath("$.results[0].contributions.hla_score").isNumber());
    }

    @Test
    void scoreAnswersEveryCandidate() throws Exception {
        postJson(
                        "/v1/models/kidney/score",
                        "{\"candidates\":["
                                + candidate("a", "0.4")
                                + ","
                                + candidate("b", "0.99")
                                + "]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[?(@.id=='a')].score").isNotEmpty())
                .andExpect(jsonPath("$.results[?(@.id=='b')].score").isNotEmpty());
    }

    @Test
    void aNonNumericFeatureIs400NamingCandidateAndField() throws Exception {
        postJson(
                        "/v1/models/kidney/score",
                        "{\"candidates\":["
                                + candidate("a", "0.4")
                                + ","
                                + candidate("b", "\"high\"")
                                + "]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].candidateId").value("b"))
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("features.hla_score"));
    }

    @Test
    void problemsNameTheIdEvenWhenItFollowsTheFeaturesAndListMissingAndUnknownOnes()
            throws Exception {
        String body =
                "{\"topK\":2,\"candidates\":[{\"features\":{\"hla_score\":0.5,\"renal_score\":0.9,"
                        + "\"imaging_score\":0.8,\"distance_km\":10,\"urgency_level\":3,\"colour\":1},\"id\":\"late\"}]}";
        postJson("/v1/models/kidney/rank", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].candidateId").value("late"))
                .andExpect(
                        jsonPath("$.errors[*].field")
                                .value(
                                        org.hamcrest.Matchers.containsInAnyOrder(
                                                "features.colour", "features.cardiac_score")));
    }

    @Test
    void aBodyWithoutCandidatesOrWithATextTopKIs400() throws Exception {
        postJson("/v1/models/kidney/rank", "{\"topK\":3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("candidates"));
        postJson("/v1/models/kidney/rank", "{\"candidates\":[],\"topK\":\"all\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("topK"));
    }

    @Test
    void anOutOfRangeFeatureIs400() throws Exception {
        postJson("/v1/models/kidney/score", "{\"candidates\":[" + candidate("a", "7") + "]}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        "candidate 'a' (candidates[0]) field features.hla_score: must be between 0 and 1 (was 7.0)"));
    }

    @Test
    void unknownOrganIs404TooManyIs413WithTheLimitBadJsonIs400() throws Exception {
        postJson("/v1/models/lung/score", "{\"candidates\":[]}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Unknown organ"));
        String four =
                String.join(
                        ",",
                        candidate("a", "0.5"),
                        candidate("b", "0.5"),
                        candidate("c", "0.5"),
                        candidate("d", "0.5"));
        postJson("/v1/models/kidney/rank", "{\"candidates\":[" + four + "]}")
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.limit").value(3));
        postJson("/v1/models/kidney/rank", "{\"candidates\":[")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Unreadable request body"));
    }

    @Test
    void anOrganWithoutAModelIs503AndListsAndWarmupShowTheLoadedOnes() throws Exception {
        postJson("/v1/models/heart/score", "{\"candidates\":[]}")
                .andExpect(status().isServiceUnavailable());
        mvc.perform(get("/v1/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.models[0].organ").value("kidney"))
                .andExpect(jsonPath("$.models[0].metrics.mae").isNumber());
        mvc.perform(post("/v1/warmup"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.models[0].version").value("v-test"));
    }
}
