package org.ramsetu.app.launch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A started target. {@link #close()} drains the application, then stops the embedded database. */
public final class RunningRamsetu implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final AutoCloseable embeddedDatabase;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    RunningRamsetu(ConfigurableApplicationContext context, AutoCloseable embeddedDatabase) {
        this.context = context;
        this.embeddedDatabase = embeddedDatabase;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            context.close();
        } finally {
            try {
                embeddedDatabase.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the embedded database", e);
            } finally {
                closed.countDown();
            }
        }
    }
}
