package org.ramsetu.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The people's mailboxes: the {@code .eml} files the worker writes into the data folder. Each file
 * is read once; the sign-up code is kept by recipient so that hundreds of waiting sign-ups do not
 * each re-read the whole folder.
 */
final class MailInbox {

    /** The address of the To header, which may be folded onto the next line. */
    private static final Pattern TO = Pattern.compile("(?m)^To:[^<]*<([^>]+)>");

    private static final Pattern CODE = Pattern.compile("code: (\\d{6})");
    private static final long PATIENCE_NANOS = 30_000_000_000L;

    private final Path folder;
    private final Set<Path> read = new HashSet<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, Long> firstAsked = new ConcurrentHashMap<>();

    MailInbox(String folder) {
        this.folder = Path.of(folder);
    }

    /** The newest code mailed to the address, or null while it has not arrived. */
    String codeFor(String address) {
        firstAsked.putIfAbsent(address, System.nanoTime());
        String code = codes.get(address);
        if (code == null) {
            refresh();
            code = codes.get(address);
        }
        return code;
    }

    boolean waitedTooLong(String address) {
        Long first = firstAsked.get(address);
        return first != null && System.nanoTime() - first > PATIENCE_NANOS;
    }

    private synchronized void refresh() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.toString().endsWith(".eml") && !read.contains(f))
                    .forEach(this::readOne);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOne(Path file) {
        String mail;
        try {
            mail = Files.readString(file);
        } catch (IOException stillBeingWritten) {
            return;
        }
        Matcher to = TO.matcher(mail);
        Matcher code = CODE.matcher(mail);
        if (!to.find()) {
            return; // not complete yet: read it again next time
        }
        read.add(file);
        if (code.find()) {
            codes.put(to.group(1), code.group(1));
        }
    }
}
