package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Documents: upload with content sniffing, own list, download by owner or coordinator. */
class DocumentsIntegrationTest {

    static final byte[] PDF = SampleFiles.REPORT_PDF;
    static final byte[] PNG = SampleFiles.png();

    @Test
    void aDonorUploadsAPdfAndGetsItBackByteForByte() throws Exception {
        var donor = Accounts.donor();

        var upload =
                donor.client()
                        .upload(
                                "/api/v1/documents",
                                SampleFiles.pdfUpload("MEDICAL_REPORT", "report.pdf"));
        String id = upload.text("id");
        var list = donor.client().get("/api/v1/documents");
        var content = donor.client().download("/api/v1/documents/" + id + "/content");

        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        assertThat(upload.header("Location")).isEqualTo("/api/v1/documents/" + id);
        assertThat(upload.text("sha256")).isEqualTo(sha256(PDF));
        assertThat(upload.json().path("sizeBytes").asLong()).isEqualTo(PDF.length);
        assertThat(upload.text("contentType")).isEqualTo("application/pdf");
        assertThat(upload.text("status")).isEqualTo("PENDING");
        assertThat(upload.body()).doesNotContain("blobKey").doesNotContain("documents/");
        assertThat(list.json().path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(PDF);
        assertThat(content.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo(
                        "attachment; filename=\"medical-report-" + id.substring(0, 8) + ".pdf\"");
        assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(content.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(content.headers().firstValue("Cache-Control").orElseThrow())
                .contains("no-store");
        assertThat(upload.text("fileName"))
                .isEqualTo("medical-report-" + id.substring(0, 8) + ".pdf");
        assertThat(upload.text("originalFileName")).isEqualTo("report.pdf");
    }

    @Test
    void aPolyglotThatStartsLikeAPdfAndGoesOnAsHtmlIsRefusedAndNothingIsStored() {
        var donor = Accounts.donor();
        byte[] polyglot =
                "%PDF-1.4\n<html><body><script>fetch('/api/v1/me')</script></body></html>\n"
                        .getBytes(StandardCharsets.US_ASCII);

        var refused =
                donor.client()
                        .upload(
                                "/api/v1/documents",
                                new Multipart()
                                        .field("type", "MEDICAL_REPORT")
                                        .file("file", "poly.html", "application/pdf", polyglot));
        var named =
                donor.client()
                        .upload(
                                "/api/v1/documents",
                                new Multipart()
                                        .field("type", "MEDICAL_REPORT")
                                        .file(
                                                "file",
                                                "<img src=x onerror=alert(1)>.html",
                                                "text/html",
                                                PDF));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("type")).endsWith("unsafe-content");
        assertThat(refused.text("detail")).contains("not a readable PDF");
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.text("contentType")).isEqualTo("application/pdf");
        assertThat(named.text("fileName")).endsWith(".pdf").startsWith("medical-report-");
        assertThat(named.text("originalFileName")).isEqualTo("_img src_x onerror_alert(1)_.html");
        assertThat(donor.client().get("/api/v1/documents").json().path("items").size())
                .isEqualTo(1);
    }

    @Test
    void theTypeComesFromTheContentNotFromTheNameOrTheClaim() {
        var patient = Accounts.patient();
        byte[] executable = "MZ\u0090\u0000this is not a pdf".getBytes(StandardCharsets.ISO_8859_1);

        var disguised =
                patient.client()
                        .upload(
                                "/api/v1/documents",
                                new Multipart()
                                        .field("type", "ID_PROOF")
                                        .file(
                                                "file",
                                                "passport.pdf",
                                                "application/pdf",
                                                executable));
        var png =
                patient.client()
                        .upload(
                                "/api/v1/documents",
                                new Multipart()
                                        .field("type", "IMAGING")
                                        .file("file", "scan.pdf", "application/pdf", PNG));

        assertThat(disguised.status()).isEqualTo(415);
        assertThat(disguised.text("detail")).contains("PDF, JPEG and PNG");
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.text("contentType")).isEqualTo("image/png");
    }

    @Test
    void emptyOversizedUntypedOrUnsignedUploadsAreRefusedClearly() {
        var donor = Accounts.donor();
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);

        var empty =
                donor.client()
                        .upload(
                                "/api/v1/documents",
                                new Multipart()
                                        .field("type", "OTHER")
                                        .file("file", "e.pdf", "application/pdf", new byte[0]));
        var oversized =
                donor.client()
                        .upload(
                                "/api/v1/documents",
                                new Multipart()
                                        .field("type", "OTHER")
                                        .file("file", "big.pdf", "application/pdf", big));
        var badType =
                donor.client()
                        .upload(
                                "/api/v1/documents",
                                new Multipart()
                                        .field("type", "SELFIE")
                                        .file("file", "x.pdf", "application/pdf", PDF));
        var anonymous =
                PlatformInstance.client()
                        .upload("/api/v1/documents", SampleFiles.pdfUpload("OTHER", "x.pdf"));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body()).contains("type");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void othersGet404AndACoordinatorsDownloadIsAuditedAsAMedicalRead() {
        var owner = Accounts.donor();
        String id =
                owner.client()
                        .upload("/api/v1/documents", SampleFiles.pdfUpload("CONSENT_FORM", "c.pdf"))
                        .text("id");
        var coordinator = Accounts.coordinator();

        var stranger = Accounts.patient().client().download("/api/v1/documents/" + id + "/content");
        var byCoordinator = coordinator.client().download("/api/v1/documents/" + id + "/content");
        var audit =
                coordinator
                        .client()
                        .get("/api/v1/admin/audit?action=MEDICAL_RECORD_READ&targetId=" + id);

        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(byCoordinator.statusCode()).isEqualTo(200);
        assertThat(byCoordinator.body()).isEqualTo(PDF);
        assertThat(audit.json().path("items").size()).isEqualTo(1);
        assertThat(audit.json().path("items").get(0).path("actorId").asString())
                .isEqualTo(coordinator.id().toString());
    }

    @Test
    void coordinatorsReviewEachPendingDocumentOnce() {
        var owner = Accounts.patient();
        String first =
                owner.client()
                        .upload("/api/v1/documents", SampleFiles.pdfUpload("ID_PROOF", "id.pdf"))
                        .text("id");
        String second =
                owner.client()
                        .upload("/api/v1/documents", SampleFiles.pdfUpload("ID_PROOF", "id2.pdf"))
                        .text("id");
        var signedIn = Accounts.coordinator();
        var coordinator = signedIn.client();

        var queue = coordinator.get("/api/v1/admin/documents?limit=100");
        var verified = coordinator.post("/api/v1/admin/documents/" + first + "/verify", "{}");
        var again =
                coordinator.post(
                        "/api/v1/admin/documents/" + first + "/reject",
                        Map.of("reason", "blurred"));
        var noReason =
                coordinator.post(
                        "/api/v1/admin/documents/" + second + "/reject", Map.of("reason", " "));
        var rejected =
                coordinator.post(
                        "/api/v1/admin/documents/" + second + "/reject",
                        Map.of("reason", "the photo page is cut off"));

        assertThat(queue.body()).contains(first).contains(second);
        List<JsonNode> queued = new ArrayList<>();
        queue.json().path("items").forEach(queued::add);
        assertThat(queued)
                .filteredOn(d -> d.path("id").asString().equals(first))
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.path("owner").path("email").asString())
                                    .isEqualTo(owner.email());
                            assertThat(d.path("owner").path("fullName").asString())
                                    .isEqualTo("Test patient");
                        });
        assertThat(queue.json().path("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode ownView = owner.client().get("/api/v1/documents/" + first).json().path("owner");
        assertThat(ownView.isMissingNode() || ownView.isNull())
                .as("the uploader's own view names nobody")
                .isTrue();
        assertThat(verified.text("status")).isEqualTo("VERIFIED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("VERIFIED");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(owner.client().get("/api/v1/documents/" + second).text("reviewNote"))
                .isEqualTo("the photo page is cut off");
        // Each upload and each review is audited once: the refusals left no entry.
        assertThat(Registry.audit(signedIn, "DOCUMENT_UPLOADED", "document", first))
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row.path("actorId").asString())
                                        .isEqualTo(owner.id().toString()));
        assertThat(Registry.audit(signedIn, "DOCUMENT_VERIFIED", "document", first)).hasSize(1);
        assertThat(Registry.audit(signedIn, "DOCUMENT_REJECTED", "document", first)).isEmpty();
        assertThat(Registry.audit(signedIn, "DOCUMENT_REJECTED", "document", second)).hasSize(1);
    }

    /**
     * Issue 21: two files of one name are told apart in the queue by searching for a part of the
     * file name or of the uploader's name or e-mail address.
     */
    @Test
    void theReviewQueueIsSearchedByFileNameOrUploader() {
        String name = "kidney-report-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var first = Accounts.donor();
        var second = Accounts.patient();
        String mine =
                first.client()
                        .upload(
                                "/api/v1/documents",
                                SampleFiles.pdfUpload("MEDICAL_REPORT", name + ".pdf"))
                        .text("id");
        String theirs =
                second.client()
                        .upload(
                                "/api/v1/documents",
                                SampleFiles.pdfUpload("MEDICAL_REPORT", name + ".pdf"))
                        .text("id");
        var coordinator = Accounts.coordinator().client();

        var byFile = coordinator.get("/api/v1/admin/documents?q=" + name.toUpperCase());
        String emailPart = second.email().substring(0, second.email().indexOf('@'));
        var byUploader = coordinator.get("/api/v1/admin/documents?q=" + emailPart);
        var percent = coordinator.get("/api/v1/admin/documents?q=%25");
        var twoLines = coordinator.get("/api/v1/admin/documents?q=a%0Ab");

        assertThat(ids(byFile)).containsExactly(mine, theirs);
        assertThat(byFile.json().path("total").asLong()).isEqualTo(2);
        assertThat(ids(byUploader)).containsExactly(theirs);
        assertThat(byUploader.json().path("total").asLong()).isEqualTo(1);
        assertThat(ids(percent)).as("%% is a character, not a wildcard").doesNotContain(mine);
        assertThat(twoLines.status()).isEqualTo(400);
        assertThat(twoLines.text("detail")).as("refused at the edge, by name").startsWith("q:");
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(d -> ids.add(d.path("id").asString()));
        return ids;
    }

    /**
     * Issue 21, item 4: the wrong one of two files was verified; its reviewer takes the review back
     * within minutes, and it is in the queue again.
     */
    @Test
    void theReviewerUndoesAReviewWithinTenMinutesAndNobodyElseDoes() {
        var owner = Accounts.donor();
        String id =
                owner.client()
                        .upload(
                                "/api/v1/documents",
                                SampleFiles.pdfUpload("MEDICAL_REPORT", "kidney-report.pdf"))
                        .text("id");
        var signedIn = Accounts.coordinator();
        var coordinator = signedIn.client();
        String undo = "/api/v1/admin/documents/" + id + "/undo-review";

        var notReviewed = coordinator.post(undo, "{}");
        coordinator.post(
                "/api/v1/admin/documents/" + id + "/reject", Map.of("reason", "wrong patient"));
        var colleague = Accounts.coordinator().client().post(undo, "{}");
        var undone = coordinator.post(undo, "{}");

        assertThat(notReviewed.status()).isEqualTo(409);
        assertThat(colleague.status()).isEqualTo(409);
        assertThat(colleague.text("type")).endsWith("undo-not-yours");
        assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
        assertThat(undone.text("status")).isEqualTo("PENDING");
        JsonNode ownView = owner.client().get("/api/v1/documents/" + id).json();
        assertThat(ownView.path("status").asString()).isEqualTo("PENDING");
        assertThat(
                        ownView.path("reviewNote").isMissingNode()
                                || ownView.path("reviewNote").isNull())
                .as("the undone rejection's note is gone")
                .isTrue();
        assertThat(coordinator.get("/api/v1/admin/documents?limit=100").body()).contains(id);
        assertThat(Registry.audit(signedIn, "DOCUMENT_REVIEW_UNDONE", "document", id))
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row.path("detail").path("undone").asString())
                                        .isEqualTo("REJECTED"));
        // Reviewed again, and too long ago to undo.
        coordinator.post("/api/v1/admin/documents/" + id + "/verify", "{}");
        PlatformInstance.get()
                .context()
                .getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql(
                        "update document set reviewed_at = now() - interval '11 minutes'"
                                + " where id = :id")
                .param("id", java.util.UUID.fromString(id))
                .update();
        var late = coordinator.post(undo, "{}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("type")).endsWith("undo-expired");
    }

    @Test
    void aDocumentSupportsOnlyTheUploadersOwnPledge() {
        var donor = Registry.donorWithProfile();
        var other = Registry.donorWithProfile();
        String ownPledge = Registry.pledgeId(donor, Registry.kidneyPledge());
        String othersPledge = Registry.pledgeId(other, Registry.kidneyPledge());

        var linked =
                donor.client()
                        .upload(
                                "/api/v1/documents",
                                SampleFiles.pdfUpload("MEDICAL_REPORT", "r.pdf")
                                        .field("pledgeId", ownPledge));
        var foreign =
                donor.client()
                        .upload(
                                "/api/v1/documents",
                                SampleFiles.pdfUpload("MEDICAL_REPORT", "r.pdf")
                                        .field("pledgeId", othersPledge));

        assertThat(linked.status()).isEqualTo(201);
        assertThat(linked.text("pledgeId")).isEqualTo(ownPledge);
        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    void aRetriedUploadWithItsIdempotencyKeyStoresOneDocument() {
        var donor = Accounts.donor();
        var keyed = donor.client().withHeader("Idempotency-Key", "upload-" + donor.id());

        var first = keyed.upload("/api/v1/documents", SampleFiles.pdfUpload("ID_PROOF", "id.pdf"));
        var retry = keyed.upload("/api/v1/documents", SampleFiles.pdfUpload("ID_PROOF", "id.pdf"));
        var otherFile =
                keyed.upload(
                        "/api/v1/documents",
                        new Multipart()
                                .field("type", "ID_PROOF")
                                .file("file", "id.png", "image/png", PNG));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherFile.status()).isEqualTo(422);
        assertThat(donor.client().get("/api/v1/documents").json().path("items").size())
                .isEqualTo(1);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
