package org.ramsetu.platform.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the .eml files the embedded mailer writes, as a person reads their inbox. */
public final class MailFolder {

    private static final Pattern CODE = Pattern.compile("code: (\\d{6})");

    private final Path folder;

    public MailFolder(Path folder) {
        this.folder = folder;
    }

    /** Every mail to the address, oldest first, waiting up to 15 s for at least {@code count}. */
    public List<String> mailsTo(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<String> mails = read(address);
            if (mails.size() >= count || System.nanoTime() > deadline) {
                return mails;
            }
            sleep();
        }
    }

    /** The code in the newest of at least {@code count} mails to the address. */
    public String code(String address, int count) {
        List<String> mails = mailsTo(address, count);
        if (mails.size() < count) {
            throw new AssertionError(
                    "expected " + count + " mails to " + address + ", found " + mails.size());
        }
        Matcher m = CODE.matcher(mails.get(mails.size() - 1));
        if (!m.find()) {
            throw new AssertionError("no code in the newest mail to " + address);
        }
        return m.group(1);
    }

    public String code(String address) {
        return code(address, 1);
    }

    private List<String> read(String address) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml"))
                    .map(MailFolder::readOrNull)
                    .flatMap(Optional::stream)
                    .filter(m -> m.content().contains("To: ") && m.content().contains(address))
                    .sorted(Comparator.comparing(Mail::modified))
                    .map(Mail::content)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Mail> readOrNull(Path file) {
        try {
            return Optional.of(
                    new Mail(Files.readString(file), Files.getLastModifiedTime(file).toMillis()));
        } catch (IOException vanished) {
            return Optional.empty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private record Mail(String content, long modified) {}
}
