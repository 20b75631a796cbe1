package org.ramsetu.infra.redis;

import io.lettuce.core.RedisReadOnlyException;

/**
 * Recognises the answer of a Redis server that is no longer the primary. Sentinel disconnects the
 * clients of a primary it demotes ({@code CLIENT KILL TYPE normal}), so Lettuce reconnects and asks
 * the Sentinels again; a server demoted without Sentinel (an operator's {@code REPLICAOF}, a
 * Sentinel that could not reach it then) keeps its clients and answers every write with {@code
 * READONLY}. A client that sees that answer should connect afresh instead of staying forever.
 */
public final class DemotedPrimary {

    private DemotedPrimary() {}

    /** Whether {@code failure}, or one of its causes, is a {@code READONLY} reply. */
    public static boolean isReadOnlyReply(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof RedisReadOnlyException
                    || (t.getMessage() != null && t.getMessage().startsWith("READONLY"))) {
                return true;
            }
        }
        return false;
    }
}
