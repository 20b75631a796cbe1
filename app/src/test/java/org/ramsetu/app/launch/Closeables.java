package org.ramsetu.app.launch;

/** Stops what a test started, in the order given, skipping what never started. */
final class Closeables {

    private Closeables() {}

    static void closeAll(AutoCloseable... started) {
        for (AutoCloseable c : started) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
