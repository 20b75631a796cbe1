package org.ramsetu.platform.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Files an upload must be able to carry: a real one-page PDF and a real PNG, because documents are
 * parsed completely before they are stored and a signature alone is refused.
 */
public final class SampleFiles {

    /** The PDF a test upload carries (made once: a PDF's bytes differ between two writes). */
    public static final byte[] REPORT_PDF = pdf("Kidney function report, March");

    private SampleFiles() {}

    /** An upload form of {@link #REPORT_PDF} as a document of the type, under the name. */
    public static Multipart pdfUpload(String type, String name) {
        return new Multipart()
                .field("type", type)
                .file("file", name, "application/pdf", REPORT_PDF);
    }

    /** A one-page PDF with a line of text. */
    public static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small PNG with a gradient. */
    public static byte[] png() {
        BufferedImage picture = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                picture.setRGB(x, y, (x * 8) << 16 | (y * 10) << 8 | 0x60);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
