package org.ramsetu.infra.redis;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ramsetu.infra.settings.RamsetuSettings;

/** What a {@code RAMSETU_REDIS_URL} means to the libraries that read it. */
public final class RedisUrls {

    private RedisUrls() {}

    /** Whether the URL names Sentinels (and a master) rather than one Redis server. */
    public static boolean isSentinel(URI url) {
        return url.getScheme() != null
                && RamsetuSettings.REDIS_SENTINEL_SCHEMES.contains(
                        url.getScheme().toLowerCase(Locale.ROOT));
    }

    /** Whether the URL asks for TLS: {@code rediss://} or {@code rediss-sentinel://}. */
    public static boolean usesTls(URI url) {
        return url.getScheme() != null
                && url.getScheme().toLowerCase(Locale.ROOT).startsWith("rediss");
    }

    /**
     * Spring Boot's {@code spring.data.redis.*} properties for {@code url}. Boot reads only {@code
     * redis://} and {@code rediss://} from {@code spring.data.redis.url}; a Sentinel URL becomes
     * {@code sentinel.master}, {@code sentinel.nodes}, the servers' {@code password} and the {@code
     * database}, so that Boot's own connection (its Redis health indicator) follows failovers too.
     */
    public static Map<String, Object> springBootProperties(URI url) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (!isSentinel(url)) {
            p.put("spring.data.redis.url", url.toString());
            return p;
        }
        RedisURI lettuce = RedisURI.create(url);
        p.put("spring.data.redis.sentinel.master", lettuce.getSentinelMasterId());
        p.put(
                "spring.data.redis.sentinel.nodes",
                lettuce.getSentinels().stream()
                        .map(s -> hostForList(s.getHost()) + ":" + s.getPort())
                        .collect(Collectors.joining(",")));
        p.put("spring.data.redis.database", lettuce.getDatabase());
        // An ACL user (redis-sentinel://USER:PASSWORD@…): two of them let the credentials rotate
        // without downtime (ops/rotate-redis-credentials.md).
        if (lettuce.getUsername() != null && !lettuce.getUsername().isEmpty()) {
            p.put("spring.data.redis.username", lettuce.getUsername());
        }
        if (lettuce.getPassword() != null && lettuce.getPassword().length > 0) {
            p.put("spring.data.redis.password", new String(lettuce.getPassword()));
        }
        if (lettuce.isSsl()) {
            p.put("spring.data.redis.ssl.enabled", true);
        }
        return p;
    }

    private static String hostForList(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
