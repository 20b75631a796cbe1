package org.ramsetu.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.kernel.UnacceptableContent;

/**
 * Each refusal here is one way a file with a harmless first line could reach a coordinator's
 * workstation; each acceptance keeps ordinary clinical documents flowing.
 */
class DocumentInspectionTest {

    @Test
    void anOrdinaryPdfWithALinkIsAccepted() {
        byte[] pdf =
                pdf(
                        document -> {
                            PDAnnotationLink link = new PDAnnotationLink();
                            PDActionURI uri = new PDActionURI();
                            uri.setURI("https://www.notto.mohfw.gov.in/");
                            link.setAction(uri);
                            annotate(document, link);
                        });

        assertThatCode(() -> inspect(DocumentFormat.PDF, pdf)).doesNotThrowAnyException();
    }

    @Test
    void theHtmlPolyglotBehindAPdfSignatureIsRefused() {
        byte[] polyglot =
                "%PDF-1.4\n<html><body><script>fetch('/api/v1/me')</script></body></html>\n"
                        .getBytes(StandardCharsets.US_ASCII);

        assertRefused(DocumentFormat.PDF, polyglot, "not a readable PDF document");
    }

    @Test
    void javaScriptRunOnOpeningIsRefused() {
        byte[] pdf =
                pdf(
                        document ->
                                document.getDocumentCatalog()
                                        .setOpenAction(new PDActionJavaScript("app.alert(1)")));

        assertRefused(DocumentFormat.PDF, pdf, "JavaScript");
    }

    @Test
    void aLaunchActionBehindALinkIsRefused() {
        byte[] pdf =
                pdf(
                        document -> {
                            PDActionLaunch launch = new PDActionLaunch();
                            PDComplexFileSpecification program = new PDComplexFileSpecification();
                            program.setFile("cmd.exe");
                            launch.setFile(program);
                            PDAnnotationLink link = new PDAnnotationLink();
                            link.setAction(launch);
                            annotate(document, link);
                        });

        assertRefused(DocumentFormat.PDF, pdf, "Launch action");
    }

    @Test
    void anEmbeddedFileIsRefused() {
        byte[] pdf =
                pdf(
                        document -> {
                            try {
                                PDEmbeddedFile payload =
                                        new PDEmbeddedFile(
                                                document,
                                                new ByteArrayInputStream(
                                                        "MZ payload"
                                                                .getBytes(
                                                                        StandardCharsets
                                                                                .US_ASCII)));
                                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                                spec.setFile("lab.exe");
                                spec.setEmbeddedFile(payload);
                                PDEmbeddedFilesNameTreeNode tree =
                                        new PDEmbeddedFilesNameTreeNode();
                                tree.setNames(Map.of("lab.exe", spec));
                                PDDocumentNameDictionary names =
                                        new PDDocumentNameDictionary(document.getDocumentCatalog());
                                names.setEmbeddedFiles(tree);
                                document.getDocumentCatalog().setNames(names);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });

        assertRefused(DocumentFormat.PDF, pdf, "embedded file");
    }

    @Test
    void aPasswordProtectedPdfIsRefusedBecauseNoCoordinatorCouldOpenIt() {
        byte[] pdf =
                pdf(
                        document -> {
                            StandardProtectionPolicy policy =
                                    new StandardProtectionPolicy(
                                            "owner-secret", "user-secret", new AccessPermission());
                            policy.setEncryptionKeyLength(128);
                            try {
                                document.protect(policy);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });

        assertRefused(DocumentFormat.PDF, pdf, "password-protected");
    }

    @Test
    void aPdfWithoutPagesIsRefused() {
        byte[] empty =
                "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                        .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> inspect(DocumentFormat.PDF, empty))
                .isInstanceOf(UnacceptableContent.class);
    }

    @Test
    void wholeImagesAreAcceptedAndCutOrCorruptOnesAreRefused() {
        byte[] png = image("png", 64, 48);
        byte[] jpeg = image("jpeg", 64, 48);

        assertThatCode(() -> inspect(DocumentFormat.PNG, png)).doesNotThrowAnyException();
        assertThatCode(() -> inspect(DocumentFormat.JPEG, jpeg)).doesNotThrowAnyException();
        assertRefused(DocumentFormat.PNG, Arrays.copyOf(png, png.length / 2), "PNG");
        assertRefused(DocumentFormat.JPEG, Arrays.copyOf(jpeg, jpeg.length / 2), "JPEG");
        assertRefused(
                DocumentFormat.PNG,
                "\u0089PNG\r\n\u001a\n<script>alert(1)</script>"
                        .getBytes(StandardCharsets.ISO_8859_1),
                "PNG");
    }

    @Test
    void anImageDeclaringAVastCanvasIsRefusedBeforeItIsDecoded() {
        byte[] png = image("png", 8, 8);
        // IHDR starts at byte 16: width, then height, each four bytes, big-endian.
        ByteBuffer.wrap(png, 16, 8).putInt(30_000).putInt(30_000);

        assertRefused(DocumentFormat.PNG, png, "30000 × 30000 pixels");
    }

    @Test
    void theServedNameComesFromTheServerAndTheUploadersNameIsNeutralised() {
        var id = java.util.UUID.fromString("3f2a1b4c-0000-4000-8000-000000000001");

        assertThat(DocumentFileName.served(DocumentType.CONSENT_FORM, id, "application/pdf"))
                .isEqualTo("consent-form-3f2a1b4c.pdf");
        assertThat(DocumentFileName.served(DocumentType.IMAGING, id, "image/jpeg"))
                .isEqualTo("imaging-3f2a1b4c.jpg");
        assertThat(DocumentFileName.original("C:\\temp\\<img src=x onerror=alert(1)>.html"))
                .isEqualTo("_img src_x onerror_alert(1)_.html");
        assertThat(DocumentFileName.original("रिपोर्ट मार्च.pdf")).isEqualTo("रिपोर्ट मार्च.pdf");
        assertThat(DocumentFileName.original(DocumentFileName.original("a;b\"c.pdf")))
                .isEqualTo("a_b_c.pdf");
        assertThat(DocumentFileName.original("\u0000\u0007")).isEqualTo("document");
    }

    private static void inspect(DocumentFormat format, byte[] bytes) throws IOException {
        DocumentInspection.inspect(format, new ByteArrayInputStream(bytes));
    }

    private static void assertRefused(DocumentFormat format, byte[] bytes, String because) {
        assertThatThrownBy(() -> inspect(format, bytes))
                .isInstanceOfSatisfying(
                        UnacceptableContent.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(UnacceptableContent.Reason.UNSAFE_CONTENT))
                .hasMessageContaining(because);
    }

    /** A one-page PDF, changed by {@code change} before it is saved (compressed, PDFBox 3). */
    static byte[] pdf(Consumer<PDDocument> change) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            change.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void annotate(PDDocument document, PDAnnotationLink link) {
        try {
            var page = document.getPage(0);
            var annotations = new java.util.ArrayList<>(page.getAnnotations());
            annotations.add(link);
            page.setAnnotations(annotations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] image(String format, int width, int height) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
