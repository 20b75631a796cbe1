package org.ramsetu.platform.documents;

/**
 * The uploader's file name, kept for display only (storage uses our own key): without any path,
 * control characters or more than 200 characters.
 */
final class DocumentFileName {

    private static final int MAX = 200;

    private DocumentFileName() {}

    static String clean(String original) {
        if (original == null) {
            return "document";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name =
                name.codePoints()
                        .filter(c -> !Character.isISOControl(c))
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString()
                        .strip();
        if (name.isEmpty()) {
            return "document";
        }
        return name.length() > MAX ? name.substring(0, MAX) : name;
    }
}
