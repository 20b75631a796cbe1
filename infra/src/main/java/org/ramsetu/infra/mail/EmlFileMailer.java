package org.ramsetu.infra.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * "Sends" mail by writing one RFC 5322 {@code .eml} file per message into a folder (the embedded
 * default, {@code $RAMSETU_DATA_DIR/mail}); any mail client opens them. The file is named by the
 * idempotency key's hash and appears atomically (written aside, fsynced, renamed), so a repeated
 * send leaves one complete file and a reader never sees half a message.
 */
public final class EmlFileMailer implements Mailer {

    private final Path folder;
    private final MailAddress from;
    private final Clock clock;

    public EmlFileMailer(Path folder, MailAddress from, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.from = from;
        this.clock = clock;
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot create the mail folder " + this.folder + ": " + e, e);
        }
    }

    /** Where the message of {@code mail} is (or will be) written. */
    public Path fileOf(OutgoingMail mail) {
        return folder.resolve(mail.idempotencyHash() + ".eml");
    }

    @Override
    public void send(OutgoingMail mail) {
        Path target = fileOf(mail);
        if (Files.exists(target)) {
            return; // sent before: same key, same message
        }
        Path temp = null;
        try {
            MimeMessage message = MimeMessages.build(mail, from, clock.instant());
            temp = Files.createTempFile(folder, ".sending-", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                message.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new MailDeliveryException(
                    "writing mail "
                            + mail.messageId(from.domain())
                            + " to "
                            + folder
                            + " failed: "
                            + e,
                    e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A leftover temporary file is harmless: it never ends in .eml.
                }
            }
        }
    }
}
