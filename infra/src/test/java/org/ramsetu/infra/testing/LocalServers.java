package org.ramsetu.infra.testing;

import java.io.IOException;
import java.net.ServerSocket;

/** What the launchers of local test servers here (Redis, S3Mock, clamd, sentinels) share. */
final class LocalServers {

    private LocalServers() {}

    /** A port nothing listens on right now, for a server we are about to start. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits between two readiness polls. An interrupt ends the wait but stays set, so the caller's
     * own deadline still ends its polling.
     */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
