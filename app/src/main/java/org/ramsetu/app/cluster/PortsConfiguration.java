package org.ramsetu.app.cluster;

import org.ramsetu.infra.blob.BlobStoreConfiguration;
import org.ramsetu.infra.cache.CacheConfiguration;
import org.ramsetu.infra.mail.MailConfiguration;
import org.ramsetu.infra.ratelimit.RateLimitConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The infrastructure ports every target may use; each configuration picks its adapter from the
 * {@code RAMSETU_*} settings (embedded default when unset). See ADR 0003.
 */
@Configuration(proxyBeanMethods = false)
@Import({
    BlobStoreConfiguration.class,
    CacheConfiguration.class,
    MailConfiguration.class,
    RateLimitConfiguration.class
})
public class PortsConfiguration {}
