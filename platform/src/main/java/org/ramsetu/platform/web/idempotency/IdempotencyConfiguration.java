package org.ramsetu.platform.web.idempotency;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@link IdempotentRequests} for every POST that creates something. */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    IdempotentRequests idempotentRequests(
            JdbcClient jdbc, JsonMapper json, TransactionTemplate tx, Clock clock) {
        return new IdempotentRequests(jdbc, json, tx, clock, IdempotentRequests.DEFAULT_LIFETIME);
    }
}
