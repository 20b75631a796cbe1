package org.ramsetu.infra.queue.worker;

import java.time.Duration;

/** Polling pause of an idle consumer: 10 ms doubling to a cap, reset when work arrives. */
final class IdleBackoff {

    private static final long FIRST_MILLIS = 10;
    private static final long ERROR_MILLIS = 2_000;

    private final long capMillis;
    private long nextMillis = FIRST_MILLIS;

    IdleBackoff(Duration cap) {
        this.capMillis = Math.max(FIRST_MILLIS, cap.toMillis());
    }

    void reset() {
        nextMillis = FIRST_MILLIS;
    }

    void pause() throws InterruptedException {
        Thread.sleep(nextMillis);
        nextMillis = Math.min(capMillis, nextMillis * 2);
    }

    void pauseAfterError() throws InterruptedException {
        Thread.sleep(Math.max(ERROR_MILLIS, nextMillis));
    }
}
