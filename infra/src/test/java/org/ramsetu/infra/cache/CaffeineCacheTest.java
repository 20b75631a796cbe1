package org.ramsetu.infra.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;

class CaffeineCacheTest extends CacheContract {

    @Override
    RamsetuSettings settings() {
        return settings(Optional.empty());
    }

    @Test
    void withoutRedisTheCacheIsCaffeine() {
        withContext(
                context ->
                        assertThat(context.getBean(CacheManager.class))
                                .isInstanceOf(CaffeineCacheManager.class));
    }
}
