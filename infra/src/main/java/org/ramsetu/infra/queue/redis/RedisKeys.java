package org.ramsetu.infra.queue.redis;

import org.ramsetu.infra.queue.JobType;

/** Key names of one job type; the {@code {type}} hash tag keeps them in one cluster slot. */
record RedisKeys(JobType type) {

    static final String GROUP = "workers";

    private String prefix() {
        return "ramsetu:jobs:{" + type.name() + "}:";
    }

    String stream() {
        return prefix() + "stream";
    }

    String delayed() {
        return prefix() + "delayed";
    }

    String dead() {
        return prefix() + "dead";
    }

    String job(String id) {
        return prefix() + "job:" + id;
    }

    String idempotency(String key) {
        return prefix() + "key:" + key;
    }
}
