package org.ramsetu.infra.queue.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Runs scripts by SHA, loading them again after a Redis restart flushed the script cache. */
final class ScriptRunner {

    private final RedisCommands<String, String> redis;
    private final Map<String, String> shas = new ConcurrentHashMap<>();

    ScriptRunner(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    <T> T run(String script, ScriptOutputType type, String[] keys, String... args) {
        String sha = shas.computeIfAbsent(script, redis::scriptLoad);
        try {
            return redis.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException flushed) {
            shas.put(script, redis.scriptLoad(script));
            return redis.evalsha(shas.get(script), type, keys, args);
        }
    }
}
