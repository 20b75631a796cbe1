package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.api.Accounts;
import org.ramsetu.platform.api.ApiClient;
import org.ramsetu.platform.api.PlatformInstance;
import org.ramsetu.platform.api.Registry;
import org.ramsetu.platform.api.SampleFiles;

/**
 * Every error from every layer is problem details (issue 22 item 5), and bad input that used to
 * answer 500 answers 4xx and changes nothing: unknown routes, wrong methods, {@code /error} itself,
 * what Tomcat refuses before any servlet runs, unreadable uploads, invisible characters, a review
 * reason longer than its column.
 */
class ErrorResponsesIntegrationTest {

    private static final String PROBLEM = "application/problem+json";

    private final ApiClient client = PlatformInstance.client();

    @Test
    void aRouteThatDoesNotExistIsAProblemNamingItsPath() {
        var response = client.get("/no-such-page.txt");

        assertProblem(response, 404, "not-found");
        assertThat(response.text("instance")).isEqualTo("/no-such-page.txt");
        assertThat(response.text("detail")).contains("/v3/api-docs");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        var response = client.get("/error");

        assertProblem(response, 404, "not-found");
    }

    @Test
    void aMethodARouteDoesNotTakeNamesTheMethodAndListsTheOthers() {
        var response = client.send("DELETE", "/api/v1/auth/login", null);

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.text("detail")).contains("DELETE");
        assertThat(response.header("Allow")).isEqualTo("POST");
    }

    @Test
    void springsOwnRefusalsCarryAProblemType() {
        var response =
                client.sendRaw(
                        "POST",
                        "/api/v1/auth/login",
                        "text/plain",
                        "x".getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void whatTomcatRefusesBeforeAnyServletIsAProblemNotAnHtmlPage() throws IOException {
        String badEscape = raw("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        String hugeHeader =
                raw(
                        "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                                + "a".repeat(64 * 1024)
                                + "\r\n\r\n");

        for (String answer : new String[] {badEscape, hugeHeader}) {
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).containsIgnoringCase("Content-Type: " + PROBLEM);
            assertThat(answer)
                    .contains("\"type\":\"https://ramsetu.org/problems/bad-request\"")
                    .doesNotContain("<html");
        }
    }

    @Test
    void unreadableUploadsAre4xxProblemsAndStoreNothing() {
        var donor = Accounts.donor();
        var nulInName =
                donor.client()
                        .upload(
                                "/api/v1/documents",
                                SampleFiles.pdfUpload("ID_PROOF", "id\u0000.pdf"));
        var longName =
                donor.client()
                        .upload(
                                "/api/v1/documents",
                                SampleFiles.pdfUpload("ID_PROOF", "n".repeat(600) + ".pdf"));
        var noBoundary =
                donor.client()
                        .sendRaw(
                                "POST",
                                "/api/v1/documents?type=ID_PROOF",
                                "multipart/form-data",
                                "hello".getBytes(StandardCharsets.UTF_8));

        assertProblem(nulInName, 400, "unreadable-upload");
        assertThat(nulInName.text("instance")).isEqualTo("/api/v1/documents");
        assertProblem(longName, 413, "too-large");
        assertProblem(noBoundary, 400, "unreadable-upload");
        assertThat(donor.client().get("/api/v1/documents").json().path("items").size())
                .as("nothing was stored")
                .isZero();
    }

    /**
     * Each field error of a usual kind carries its code and values, so that the console shows it in
     * Hindi (issue 21, item 6); its English message stays beside them.
     */
    @Test
    void fieldErrorsCarryTheirKindAndValuesForTranslation() {
        var patient = Registry.patientWithProfile();
        var refused =
                patient.client()
                        .post(
                                "/api/v1/transplant-requests",
                                Registry.with(Registry.kidneyRequest(null), "urgency", 9));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        var error = refused.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("urgency");
        assertThat(error.path("message").asString()).contains("between 1 and 5");
        assertThat(error.path("code").asString()).isEqualTo("range");
        assertThat(error.path("params").path("min").asString()).isEqualTo("1");
        assertThat(error.path("params").path("max").asString()).isEqualTo("5");
        assertThat(error.path("params").path("value").asString()).isEqualTo("9");

        var unknownOrgan =
                patient.client()
                        .post(
                                "/api/v1/transplant-requests",
                                Registry.with(Registry.kidneyRequest(null), "organ", "lung"));
        var choice = unknownOrgan.json().path("errors").get(0);
        assertThat(choice.path("code").asString()).as(unknownOrgan.toString()).isEqualTo("one-of");
        assertThat(choice.path("params").path("options").asString()).contains("KIDNEY");
    }

    @Test
    void anInvisibleCharacterInAnEmailIsRefusedByName() {
        String email = Accounts.newEmail("invisible").replace("@", "@\u200b");

        var response =
                client.post("/api/v1/auth/signup", Accounts.signUpBody("DONOR", email, "Asha Rao"));

        assertProblem(response, 400, "validation");
        assertThat(response.body()).contains("\"field\":\"email\"").contains("U+200B");
    }

    @Test
    void aFullNameWithABidiOverrideIsRefusedAndIndicJoinersAreKept() {
        var overridden =
                client.post(
                        "/api/v1/auth/signup",
                        Accounts.signUpBody("DONOR", Accounts.newEmail("bidi"), "Asha \u202eoaR"));
        var joined =
                client.post(
                        "/api/v1/auth/signup",
                        Accounts.signUpBody(
                                "DONOR",
                                Accounts.newEmail("joiner"),
                                "\u0915\u094d\u200d\u0937\u093e"));

        assertProblem(overridden, 400, "validation");
        assertThat(overridden.body()).contains("\"field\":\"fullName\"").contains("U+202E");
        assertThat(joined.status()).as(joined.toString()).isEqualTo(202);
    }

    @Test
    void aReviewReasonLongerThanItsColumnOrHoldingNulIsRefusedAndTheDocumentStaysPending() {
        var owner = Accounts.donor();
        String id =
                owner.client()
                        .upload("/api/v1/documents", SampleFiles.pdfUpload("ID_PROOF", "id.pdf"))
                        .text("id");
        var coordinator = Accounts.coordinator().client();

        var tooLong =
                coordinator.post(
                        "/api/v1/admin/documents/" + id + "/reject",
                        Map.of("reason", "r".repeat(1001)));
        var withNul =
                coordinator.post(
                        "/api/v1/admin/documents/" + id + "/reject",
                        Map.of("reason", "cut\u0000off"));

        assertProblem(tooLong, 400, "validation");
        assertThat(tooLong.body()).contains("\"field\":\"reason\"").contains("1000");
        assertProblem(withNul, 400, "validation");
        assertThat(owner.client().get("/api/v1/documents/" + id).text("status"))
                .isEqualTo("PENDING");
    }

    @Test
    void aNulInAQueryParameterIsRefusedByNameBeforeItReachesTheDatabase() {
        var coordinator = Accounts.coordinator().client();

        var response = coordinator.get("/api/v1/admin/audit?action=a%00b&limit=5");

        assertProblem(response, 400, "validation");
        assertThat(response.text("detail")).startsWith("action:");
    }

    @Test
    void anActuatorOperationsBadArgumentIsAProblem() {
        var coordinator = Accounts.coordinator().client();

        var response =
                coordinator.post(
                        "/actuator/scheduledrill", Map.of("instances", 0, "workMillis", 10));

        assertProblem(response, 400, "bad-request");
        assertThat(response.text("detail")).contains("instances must be");
        var accepted =
                coordinator.post(
                        "/actuator/scheduledrill", Map.of("instances", 1, "workMillis", 0));
        assertThat(accepted.status())
                .as("numbers are the operations' arguments: " + accepted)
                .isEqualTo(200);
    }

    @Test
    void aBodyOfJsonNullIsRefusedWhereABodyIsOptional() {
        // Found by the contract fuzzer (seed 7): sign-out took null as no body.
        var client = Accounts.donor().client();

        assertProblem(client.post("/api/v1/auth/logout", "null"), 400, "null-body");
        assertThat(client.post("/api/v1/auth/logout", (String) null).status()).isEqualTo(204);
    }

    @Test
    void aSelectorThatCannotNameAJobTypeIsAProblemNotAServerError() {
        // Found by the contract fuzzer once the operations endpoints were in the description.
        var coordinator = Accounts.coordinator().client();

        assertProblem(coordinator.get("/actuator/jobs/-1"), 400, "bad-request");
        assertProblem(coordinator.post("/actuator/jobs/-1/some-id", "{}"), 400, "bad-request");
        assertProblem(
                coordinator.post("/actuator/jobs/mail.send/%F0%9F%98%80", "{}"),
                400,
                "bad-request");
        assertThat(coordinator.get("/actuator/jobs/mail.send").status()).isEqualTo(200);
    }

    @Test
    void aFlagKeyNoIndexCouldHoldIsAProblemNotAServerError() {
        // Found by the contract fuzzer (seed 7): 5,000 characters reached the primary key's index.
        var coordinator = Accounts.coordinator().client();

        var refused =
                coordinator.post(
                        "/actuator/flags/" + "x".repeat(5_000),
                        Map.of("variants", "{\"on\": true}"));

        assertProblem(refused, 400, "bad-request");
        assertThat(refused.text("detail")).contains("1 to 100");
        var withoutVariants =
                coordinator.post("/actuator/flags/" + "x".repeat(5_000), Map.of("enabled", "true"));
        assertProblem(withoutVariants, 400, "bad-request");
        assertProblem(coordinator.get("/actuator/flags/" + "x".repeat(5_000)), 400, "bad-request");
    }

    private static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM);
        assertThat(response.text("type")).isEqualTo("https://ramsetu.org/problems/" + type);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.text("detail")).isNotBlank();
    }

    /** One request over a plain socket: requests no HTTP client library would send. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", PlatformInstance.get().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("\"type\"")
                            && answer.toString(StandardCharsets.UTF_8).endsWith("}")) {
                        break;
                    }
                }
            } catch (IOException closedWhileWriting) {
                // Tomcat may close the connection while the huge header is still being sent
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
