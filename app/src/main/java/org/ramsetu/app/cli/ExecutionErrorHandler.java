package org.ramsetu.app.cli;

import org.ramsetu.infra.settings.InvalidSettingsException;
import picocli.CommandLine;

/** Turns failures into a message a person can act on; configuration errors exit with 78. */
final class ExecutionErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        String name = cmd.getCommandSpec().qualifiedName();
        InvalidSettingsException settings = findCause(e, InvalidSettingsException.class);
        if (settings != null) {
            for (String problem : settings.problems()) {
                cmd.getErr().println(name + ": " + problem);
            }
            return RamsetuCommand.EXIT_CONFIG;
        }
        cmd.getErr().println(name + ": failed: " + rootMessage(e));
        return 1;
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
