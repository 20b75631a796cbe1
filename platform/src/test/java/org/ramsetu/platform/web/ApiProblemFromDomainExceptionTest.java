package org.ramsetu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.kernel.TooManyAttempts;
import org.ramsetu.platform.kernel.UnacceptableContent;
import org.ramsetu.platform.kernel.Unauthenticated;
import org.ramsetu.platform.kernel.Unavailable;

/**
 * A use case's refusal answers exactly as the {@link ApiProblem} factory it replaced: status, type,
 * title, detail, field errors and {@code Retry-After}.
 */
class ApiProblemFromDomainExceptionTest {

    @Test
    void invalidFieldsNameTheirFieldsInOrder() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("organ", "must be one of KIDNEY, LIVER");
        errors.put("bloodGroup", "is required");

        answersAs(
                InvalidInput.field("email", "is not an e-mail address"),
                ApiProblem.invalidField("email", "is not an e-mail address"));
        answersAs(InvalidInput.fields(errors), ApiProblem.invalidFields(errors));
        assertThat(InvalidInput.fields(errors).getMessage())
                .isEqualTo("organ: must be one of KIDNEY, LIVER; bloodGroup: is required");
    }

    @Test
    void aRequestWrongAsAWholeIsABadRequest() {
        answersAs(
                InvalidInput.request("unknown-export", "no export named x"),
                ApiProblem.badRequest("unknown-export", "no export named x"));
    }

    @Test
    void someoneElsesRecordIsNotFoundLikeAMissingOne() {
        answersAs(new NotFound("pledge", 42), ApiProblem.notFound("pledge", 42));
        assertThat(ProblemResponses.of(ApiProblem.from(NotFound.notCreatedYet("save one first"))))
                .satisfies(
                        answer -> {
                            assertThat(answer.getStatusCode().value()).isEqualTo(404);
                            assertThat(answer.getBody().getTitle()).isEqualTo("Not found");
                            assertThat(answer.getBody().getDetail()).isEqualTo("save one first");
                        });
    }

    @Test
    void refusalsOfStateRoleAndIdentity() {
        answersAs(
                new Conflict("illegal-transition", "the pledge is DONATED"),
                ApiProblem.conflict("illegal-transition", "the pledge is DONATED"));
        answersAs(
                new Forbidden("wrong-role", "your account cannot list matches"),
                ApiProblem.forbidden("wrong-role", "your account cannot list matches"));
        answersAs(new Unauthenticated("log in again"), ApiProblem.unauthorized("log in again"));
    }

    @Test
    void comeBackLaterCarriesRetryAfter() {
        answersAs(
                new TooManyAttempts("too many attempts", Duration.ofMillis(2_500)),
                ApiProblem.tooManyRequests("too many attempts", Duration.ofMillis(2_500)));
        answersAs(
                new Unavailable("ranking-busy", "Too busy", "try again", Duration.ofSeconds(5)),
                ApiProblem.serviceUnavailable(
                        "ranking-busy", "Too busy", "try again", Duration.ofSeconds(5)));
        assertThat(
                        ProblemResponses.of(
                                        ApiProblem.from(
                                                new TooManyAttempts(
                                                        "wait", Duration.ofMillis(2_500))))
                                .getHeaders()
                                .getFirst("Retry-After"))
                .isEqualTo("3");
    }

    @Test
    void refusedFiles() {
        answersAs(
                new UnacceptableContent(UnacceptableContent.Reason.TOO_LARGE, "at most 10 MB"),
                ApiProblem.contentTooLarge("at most 10 MB"));
        answersAs(
                new UnacceptableContent(
                        UnacceptableContent.Reason.UNSUPPORTED_TYPE, "PDF, PNG or JPEG only"),
                ApiProblem.unsupportedMediaType("PDF, PNG or JPEG only"));
    }

    private static void answersAs(DomainException refusal, ApiProblem before) {
        assertThat(ProblemResponses.of(ApiProblem.from(refusal)))
                .isEqualTo(ProblemResponses.of(before));
    }
}
