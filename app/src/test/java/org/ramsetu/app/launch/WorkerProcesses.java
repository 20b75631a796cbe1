package org.ramsetu.app.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ramsetu.app.RamsetuMain;

/**
 * Real {@code worker} processes for the kill drills: started from this class path, awaited ready;
 * and the polling wait that the launch tests share.
 */
final class WorkerProcesses {

    private WorkerProcesses() {}

    /**
     * Starts {@code ramsetu serve --target worker} with {@code env}, its output in {@code
     * dir/name.log}, and waits until its readiness probe is up.
     */
    static Process start(Path dir, Map<String, String> env, String name, int port, Duration within)
            throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx384m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                RamsetuMain.class.getName(),
                                "serve",
                                "--target",
                                "worker",
                                "--port",
                                Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        Process worker = pb.start();
        await(
                () -> {
                    if (!worker.isAlive()) {
                        throw new AssertionError(
                                name + " worker exited; see " + dir.resolve(name + ".log"));
                    }
                    try {
                        return Http.get(port, "/actuator/health/readiness")
                                .body()
                                .contains("\"UP\"");
                    } catch (AssertionError notYet) {
                        return false;
                    }
                },
                within);
        return worker;
    }

    /** Polls {@code condition} every 200 ms; fails the test after {@code limit}. */
    static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit);
            }
            Thread.sleep(200);
        }
    }
}
