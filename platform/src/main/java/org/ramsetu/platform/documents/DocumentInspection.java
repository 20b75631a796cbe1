package org.ramsetu.platform.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.ramsetu.platform.kernel.UnacceptableContent;

/**
 * Reads an upload completely before it is stored, because a signature in the first bytes proves
 * nothing: a file that starts {@code %PDF-1.4} and goes on as HTML with script would otherwise
 * reach a coordinator. A PDF must parse with PDFBox, have a page and carry no active content
 * (JavaScript, launch or import actions, embedded files, XFA forms, rich media); an image must
 * decode to its last pixel without the decoder reporting damage. Coordinators open these files on
 * hospital workstations, so anything that can run code or hide another file is refused rather than
 * cleaned.
 */
final class DocumentInspection {

    /** Above this an image is refused before decoding: a small file can declare a vast canvas. */
    static final long MAX_IMAGE_PIXELS = 100_000_000L;

    /**
     * Images are decoded to the last pixel but kept at most this size in memory: subsampling makes
     * the decoder read every row while storing only some.
     */
    private static final long DECODED_PIXELS = 4_000_000L;

    /** A PDF with more objects than this is refused instead of walked (a parser bomb). */
    private static final int MAX_PDF_OBJECTS = 500_000;

    /** Action kinds ({@code /S}) that run code, open other files or send data away. */
    private static final Set<COSName> ACTIVE_ACTIONS =
            Set.of(
                    COSName.JAVA_SCRIPT,
                    COSName.getPDFName("Launch"),
                    COSName.getPDFName("ImportData"),
                    COSName.getPDFName("SubmitForm"),
                    COSName.getPDFName("GoToE"),
                    COSName.getPDFName("RichMediaExecute"),
                    COSName.getPDFName("Rendition"));

    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName XFA = COSName.getPDFName("XFA");
    private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

    private DocumentInspection() {}

    /**
     * @param in the whole upload, from its first byte
     * @throws UnacceptableContent UNSAFE_CONTENT when the file does not parse as its format or
     *     carries active content
     */
    static void inspect(DocumentFormat format, InputStream in) throws IOException {
        switch (format) {
            case PDF -> inspectPdf(in);
            case JPEG, PNG -> inspectImage(format, in);
        }
    }

    private static void inspectPdf(InputStream in) throws IOException {
        RandomAccessReadBuffer whole = new RandomAccessReadBuffer(in);
        PDDocument document;
        try {
            document = Loader.loadPDF(whole);
        } catch (InvalidPasswordException e) {
            throw unsafe("the PDF is password-protected; upload it without a password");
        } catch (IOException e) {
            throw unsafe("the file starts like a PDF but is not a readable PDF document");
        }
        try (document) {
            if (document.getNumberOfPages() < 1) {
                throw unsafe("the PDF has no pages");
            }
            Optional<String> active = activeContent(document.getDocument());
            if (active.isPresent()) {
                throw unsafe(
                        "the PDF carries "
                                + active.get()
                                + "; print it to a plain PDF (or scan it) and upload that");
            }
        } catch (IllegalStateException | ClassCastException | IndexOutOfBoundsException e) {
            // PDFBox parses objects lazily: a damaged object may only fail while it is walked.
            throw unsafe("the file starts like a PDF but is not a readable PDF document");
        }
    }

    /**
     * Walks every object of the file (those the cross-reference table lists, and the trailer with
     * everything reachable from it) and names the first kind of active content found.
     */
    static Optional<String> activeContent(COSDocument cos) throws IOException {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(cos.getTrailer());
        for (COSObjectKey key : cos.getXrefTable().keySet()) {
            pending.push(cos.getObjectFromPool(key));
        }
        while (!pending.isEmpty()) {
            COSBase next = pending.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (seen.size() > MAX_PDF_OBJECTS) {
                return Optional.of("more than " + MAX_PDF_OBJECTS + " objects");
            }
            if (next instanceof COSDictionary dictionary) {
                Optional<String> found = activeContent(dictionary);
                if (found.isPresent()) {
                    return found;
                }
                pending.addAll(dictionary.getValues());
            } else if (next instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    pending.push(array.get(i));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> activeContent(COSDictionary dictionary) {
        if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
            return Optional.of("JavaScript");
        }
        COSName action = dictionary.getCOSName(COSName.S);
        if (action != null && ACTIVE_ACTIONS.contains(action)) {
            return Optional.of("a " + action.getName() + " action");
        }
        COSName type = dictionary.getCOSName(COSName.TYPE);
        COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
        if (dictionary.containsKey(EMBEDDED_FILES)
                || dictionary.containsKey(COSName.EF)
                || EMBEDDED_FILE.equals(type)
                || FILE_ATTACHMENT.equals(subtype)) {
            return Optional.of("an embedded file");
        }
        if (dictionary.containsKey(XFA)) {
            return Optional.of("an XFA form");
        }
        if (RICH_MEDIA.equals(subtype)) {
            return Optional.of("rich media");
        }
        return Optional.empty();
    }

    private static void inspectImage(DocumentFormat format, InputStream in) throws IOException {
        String formatName = format == DocumentFormat.JPEG ? "jpeg" : "png";
        byte[] bytes = in.readAllBytes();
        try (ImageInputStream image =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
            if (!readers.hasNext()) {
                throw new IllegalStateException("this Java runtime reads no " + formatName);
            }
            ImageReader reader = readers.next();
            List<String> damage = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> damage.add(warning));
            try {
                reader.setInput(image, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1 || width * height > MAX_IMAGE_PIXELS) {
                    throw unsafe(
                            "the image declares "
                                    + width
                                    + " × "
                                    + height
                                    + " pixels; at most "
                                    + MAX_IMAGE_PIXELS
                                    + " are accepted");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                reader.read(0, param);
            } catch (IOException | IndexOutOfBoundsException | IllegalArgumentException e) {
                // The bytes are in memory already: a failure here is the file's, not the disk's.
                throw unsafe(
                        "the file starts like a " + format.name() + " image but does not decode");
            } finally {
                reader.dispose();
            }
            if (!damage.isEmpty()) {
                throw unsafe("the " + format.name() + " image is damaged (" + damage.get(0) + ")");
            }
        }
    }

    private static UnacceptableContent unsafe(String detail) {
        return new UnacceptableContent(UnacceptableContent.Reason.UNSAFE_CONTENT, detail);
    }
}
