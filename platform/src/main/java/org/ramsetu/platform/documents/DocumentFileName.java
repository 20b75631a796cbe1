package org.ramsetu.platform.documents;

import java.util.Locale;
import java.util.UUID;

/**
 * File names of documents. The name a download is saved under is made by the server from the
 * document's type, id and detected format, so an uploader cannot choose what a coordinator's
 * browser or desktop does with the file ({@code poly.html}, {@code report.pdf.exe}). The uploader's
 * own name is kept as metadata only, for recognising the upload, in a neutral form: no path, no
 * control characters, nothing but letters, digits, marks, spaces and {@code . _ - ( )}, at most 200
 * characters (code points, not UTF-16 units).
 */
final class DocumentFileName {

    private static final int MAX = 200;

    private DocumentFileName() {}

    /** What a download is saved as, e.g. {@code consent-3f2a1b4c.pdf}. */
    static String served(DocumentType type, UUID id, String contentType) {
        String extension =
                DocumentFormat.ofContentType(contentType)
                        .map(DocumentFormat::extension)
                        .orElse("bin");
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + "-"
                + id.toString().substring(0, 8)
                + "."
                + extension;
    }

    /** The uploader's name in its neutral form; applying it twice changes nothing. */
    static String original(String uploaded) {
        if (uploaded == null) {
            return "document";
        }
        String name = uploaded.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name =
                name.codePoints()
                        .filter(c -> !Character.isISOControl(c))
                        .map(c -> isNeutral(c) ? c : '_')
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString()
                        .strip();
        if (name.codePointCount(0, name.length()) > MAX) {
            // Counted in characters, as the column's varchar(200) counts them: cutting at 200
            // UTF-16 units could split a character beyond the first plane (𝐀, most emoji) and
            // keep half of it, which UTF-8 cannot store.
            name = name.substring(0, name.offsetByCodePoints(0, MAX)).strip();
        }
        return name.isEmpty() ? "document" : name;
    }

    private static boolean isNeutral(int c) {
        return Character.isLetterOrDigit(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK
                || c == ' '
                || c == '.'
                || c == '_'
                || c == '-'
                || c == '('
                || c == ')';
    }
}
