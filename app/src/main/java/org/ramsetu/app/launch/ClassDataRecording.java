package org.ramsetu.app.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Tells the {@code ./ramsetu} script that the start recording a class-data archive got ready. The
 * JVM writes the archive when the process ends, however it ends: a start that stopped on a bad
 * setting or a taken port would leave an archive of a fraction of the classes, which the script
 * then keeps only with this file beside it (ADR 0047). Does nothing unless the script names the
 * file in {@value #READY_FILE}.
 */
public class ClassDataRecording implements ApplicationListener<ApplicationReadyEvent> {

    static final String READY_FILE = "ramsetu.class-data.ready-file";

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataRecording.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String file = System.getProperty(READY_FILE);
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), "ready\n");
        } catch (IOException e) {
            // The server serves all the same; its archive is discarded and the next start records.
            LOG.warn("Cannot mark the class-data recording as ready in {}: {}", file, e.toString());
        }
    }
}
