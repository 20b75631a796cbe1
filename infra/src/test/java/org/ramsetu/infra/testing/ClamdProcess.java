package org.ramsetu.infra.testing;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A real ClamAV daemon ({@code clamd} from Debian's {@code clamav-daemon}, installed by .ci/run) on
 * a free loopback port. Its only signature database is a test one, because the official databases
 * are downloaded from the internet: {@link #SIGNATURE_TEXT} anywhere in a file makes it "infected"
 * as {@code RamSetu.Test.Malware.UNOFFICIAL}.
 */
public final class ClamdProcess implements AutoCloseable {

    /** Bytes that the test database recognises. */
    public static final String SIGNATURE_TEXT = "RAMSETU-MALWARE-TEST-SIGNATURE";

    public static final String SIGNATURE_NAME = "RamSetu.Test.Malware.UNOFFICIAL";

    private static final Path BINARY = Path.of("/usr/sbin/clamd");

    private final Process process;
    private final int port;

    private ClamdProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ClamdProcess start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    BINARY + " is missing: run .ci/run or apt-get install clamav-daemon");
        }
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(
                db.resolve("ramsetu-test.ndb"),
                "RamSetu.Test.Malware:0:*:"
                        + HexFormat.of()
                                .formatHex(SIGNATURE_TEXT.getBytes(StandardCharsets.US_ASCII))
                        + "\n");
        int port = LocalServers.freePort();
        Path config =
                Files.writeString(
                        dir.resolve("clamd.conf"),
                        String.join(
                                "\n",
                                "Foreground yes",
                                "DatabaseDirectory " + db,
                                "TCPSocket " + port,
                                "TCPAddr 127.0.0.1",
                                "LogFile " + dir.resolve("clamd.log"),
                                "PidFile " + dir.resolve("clamd.pid"),
                                "StreamMaxLength 12M",
                                ""));
        Process process =
                new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("clamd.out").toFile())
                        .start();
        ClamdProcess clamd = new ClamdProcess(process, port);
        clamd.awaitListening(dir);
        return clamd;
    }

    public URI address() {
        return URI.create("tcp://127.0.0.1:" + port);
    }

    private void awaitListening(Path dir) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "clamd exited: " + Files.readString(dir.resolve("clamd.out")));
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("clamd did not listen within 60 s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
