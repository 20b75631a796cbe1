package org.ramsetu.infra.queue;

import java.time.Duration;

/** Jobs not yet done (ready, leased or waiting to retry), the age of the oldest, and dead ones. */
public record QueueStats(long depth, Duration oldestAge, long dead) {}
