package org.ramsetu.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-off commands print their own result lines; library chatter (pool start, migration checks)
 * would bury them, so only warnings and errors are logged while such a command runs.
 */
final class QuietLogging {

    private QuietLogging() {}

    static void warningsOnly() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
