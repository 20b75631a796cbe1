package org.ramsetu.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

    private final Path folder;
    private final Set<Path> read = new HashSet<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, Long> firstAsked = new ConcurrentHashMap<>();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final List<Long> delaysMillis = Collections.synchronizedList(new ArrayList<>());
    private final long patienceNanos;

    MailInbox(String folder, Duration patience) {
        this.folder = Path.of(folder);
        this.patienceNanos = patience.toNanos();
    }

    /**
     * How long people waited for their code, from the first look into the mailbox (just after
     * sign-up answered) to the mail being there: the queue's mail delivery under load.
     */
    String delaySummary() {
        List<Long> sorted;
        synchronized (delaysMillis) {
            sorted = new ArrayList<>(delaysMillis);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no code mail arrived";
        }
        return String.format(
                Locale.ROOT,
                "%d code mails; waited p50 %d ms, p95 %d ms, max %d ms; %d never arrived",
                sorted.size(),
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1)),
                sorted.get(sorted.size() - 1),
                firstAsked.size() - sorted.size());
    }

    /** The newest code mailed to the address, or null while it has not arrived. */
    String codeFor(String address) {
        firstAsked.putIfAbsent(address, System.nanoTime());
        String code = codes.get(address);
        if (code == null) {
            refresh(); // also finds the mails of others, who then get theirs without a refresh
            code = codes.get(address);
        }
        if (code != null && delivered.add(address)) {
            delaysMillis.add((System.nanoTime() - firstAsked.get(address)) / 1_000_000);
        }
        return code;
    }

    boolean waitedTooLong(String address) {
        Long first = firstAsked.get(address);
        return first != null && System.nanoTime() - first > patienceNanos;
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
