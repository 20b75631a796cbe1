package org.ramsetu.app;

import org.ramsetu.app.cli.RamsetuCommand;

/**
 * Entry point of {@code ramsetu.jar}: every command, including {@code serve}, goes through the CLI.
 */
public final class RamsetuMain {

    private RamsetuMain() {}

    public static void main(String[] args) {
        System.exit(RamsetuCommand.run(args));
    }
}
