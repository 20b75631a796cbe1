package org.ramsetu.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs {@code ramsetu} commands in this process with a given environment, keeping their output. */
final class CommandRuns {

    private final Map<String, String> environment;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    CommandRuns(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs one command; what it prints is added to what earlier runs printed. */
    int run(String... args) {
        return RamsetuCommand.commandLine(
                        new PrintWriter(out, true), new PrintWriter(err, true), environment)
                .execute(args);
    }

    /** Runs one command after forgetting what earlier runs printed. */
    int runAfresh(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return run(args);
    }

    /** What the runs so far printed to standard output. */
    String out() {
        return out.toString();
    }

    /** What the runs so far printed to standard error. */
    String err() {
        return err.toString();
    }

    /** Forgets standard output printed so far. */
    void forgetOut() {
        out.getBuffer().setLength(0);
    }
}
