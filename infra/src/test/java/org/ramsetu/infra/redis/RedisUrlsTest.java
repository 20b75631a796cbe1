package org.ramsetu.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Spring Boot is told about Redis, for each form of {@code RAMSETU_REDIS_URL}. */
class RedisUrlsTest {

    @Test
    void aSingleServerUrlIsBootsOwnUrl() {
        URI url = URI.create("redis://:pw@cache:6379/2");

        assertThat(RedisUrls.isSentinel(url)).isFalse();
        assertThat(RedisUrls.springBootProperties(url))
                .containsExactly(Map.entry("spring.data.redis.url", url.toString()));
    }

    @Test
    void aSentinelUrlBecomesBootsSentinelProperties() {
        URI url =
                URI.create(
                        "redis-sentinel://s3cret@sentinel-1:26379,sentinel-2:26380,sentinel-3"
                                + "/3#mymaster");

        assertThat(RedisUrls.isSentinel(url)).isTrue();
        assertThat(RedisUrls.springBootProperties(url))
                .containsEntry("spring.data.redis.sentinel.master", "mymaster")
                .containsEntry(
                        "spring.data.redis.sentinel.nodes",
                        "sentinel-1:26379,sentinel-2:26380,sentinel-3:26379")
                .containsEntry("spring.data.redis.password", "s3cret")
                .containsEntry("spring.data.redis.database", 3)
                .doesNotContainKey("spring.data.redis.url")
                .doesNotContainKey("spring.data.redis.sentinel.password")
                .doesNotContainKey("spring.data.redis.ssl.enabled");
    }

    @Test
    void anAclUserOfASentinelUrlIsPassedOnWithItsPassword() {
        URI url = URI.create("redis-sentinel://ramsetu_green:s3cret@sentinel-1:26379/0#mymaster");

        assertThat(RedisUrls.springBootProperties(url))
                .containsEntry("spring.data.redis.username", "ramsetu_green")
                .containsEntry("spring.data.redis.password", "s3cret");
        assertThat(
                        RedisUrls.springBootProperties(
                                URI.create("redis-sentinel://s3cret@sentinel-1:26379/0#m")))
                .as("a password alone is the default user's")
                .doesNotContainKey("spring.data.redis.username");
    }

    @Test
    void aSentinelUrlWithoutPasswordOverTlsSaysSo() {
        URI url = URI.create("rediss-sentinel://sentinel-1:26379/0#mymaster");

        assertThat(RedisUrls.springBootProperties(url))
                .containsEntry("spring.data.redis.ssl.enabled", true)
                .doesNotContainKey("spring.data.redis.password");
    }
}
