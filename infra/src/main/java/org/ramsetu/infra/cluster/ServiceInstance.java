package org.ramsetu.infra.cluster;

import java.time.Instant;

/** One running RamSetu process as last reported by its heartbeat. */
public record ServiceInstance(
        String id,
        String target,
        String host,
        int port,
        String version,
        Instant startedAt,
        Instant heartbeatAt) {}
