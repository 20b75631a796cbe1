package org.ramsetu.infra.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Lets one WARN line through per interval, so an outage is logged without flooding the log. */
final class WarnEvery {

    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);

    WarnEvery(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    boolean due() {
        long now = System.nanoTime();
        long due = next.get();
        return (due == Long.MIN_VALUE || now - due >= 0)
                && next.compareAndSet(due, now + intervalNanos);
    }
}
