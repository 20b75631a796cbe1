package org.ramsetu.app.smoke;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of {@code .eml} files that a deployment's mail reaches: the file mailer's folder of the
 * embedded defaults and of the local cluster, or a test mailbox an SMTP relay delivers into. The
 * smoke test reads its own sign-up code there, as a person reads it in their inbox.
 */
final class Mailbox {

    /** The verification mail's subject ends with the code (the account mails' template). */
    private static final Pattern CODE_IN_SUBJECT = Pattern.compile("code: (\\d{6})\\s*$");

    private static final Session PARSING_ONLY = Session.getInstance(new Properties());

    private final Path folder;

    Mailbox(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The code mailed to {@code address}, waiting up to {@code patience} for the mail. */
    Optional<String> awaitCode(String address, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<String> code = codeTo(address);
            if (code.isPresent() || System.nanoTime() >= deadline) {
                return code;
            }
            Thread.sleep(250);
        }
    }

    private Optional<String> codeTo(String address) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .map(f -> codeIn(f, address))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty(); // the folder is being written to; the next look sees it
        }
    }

    private static Optional<String> codeIn(Path file, String address) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(PARSING_ONLY, in);
            Address[] to = message.getAllRecipients();
            if (to == null) {
                return Optional.empty();
            }
            for (Address recipient : to) {
                if (recipient.toString().toLowerCase(java.util.Locale.ROOT).contains(address)) {
                    String subject = message.getSubject();
                    Matcher m = CODE_IN_SUBJECT.matcher(subject == null ? "" : subject);
                    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (IOException | MessagingException e) {
            return Optional.empty(); // not a mail, or one removed while reading
        }
    }
}
