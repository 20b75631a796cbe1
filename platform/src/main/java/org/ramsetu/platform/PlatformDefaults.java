package org.ramsetu.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The platform's default settings (strict JSON input, upload limits, rate limits, reports, upload
 * scanning), kept beside the code they configure. A {@code @PropertySource} is the last place
 * Spring looks, so an application's own properties and the environment override every one.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:org/ramsetu/platform/platform-defaults.properties")
public class PlatformDefaults {}
