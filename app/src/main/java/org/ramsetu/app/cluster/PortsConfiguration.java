package org.ramsetu.app.cluster;

import org.ramsetu.infra.blob.BlobStoreConfiguration;
import org.ramsetu.infra.cache.CacheConfiguration;
import org.ramsetu.infra.ratelimit.RateLimitConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The infrastructure ports every target may use; each configuration picks its adapter from the
 * {@code RAMSETU_*} settings (embedded default when unset). See ADR 0003. Mail is not among them:
 * only the targets that consume jobs send it ({@code MailJobConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import({BlobStoreConfiguration.class, CacheConfiguration.class, RateLimitConfiguration.class})
public class PortsConfiguration {}
