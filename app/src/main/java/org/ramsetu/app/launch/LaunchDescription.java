package org.ramsetu.app.launch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Who this process is: its target, a unique instance id (metrics tag, registry key), version. */
public record LaunchDescription(Target target, String instanceId, String host, String version) {

    static LaunchDescription of(Target target) {
        String host = hostName();
        byte[] suffix = new byte[4];
        ThreadLocalRandom.current().nextBytes(suffix);
        String version = LaunchDescription.class.getPackage().getImplementationVersion();
        return new LaunchDescription(
                target,
                target.id() + "-" + host + "-" + HexFormat.of().formatHex(suffix),
                host,
                version == null ? "dev" : version);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
