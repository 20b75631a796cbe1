package org.ramsetu.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The platform's default settings (strict JSON input, upload limits, rate limits, reports, upload
 * scanning), kept beside the code they configure. A {@code @PropertySource} ranks below an
 * application's property files, its profiles, the environment and the command line, so each of
 * those overrides every value here; only {@code SpringApplication}'s default properties rank lower
 * (keep the keys apart from those).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:org/ramsetu/platform/platform-defaults.properties")
public class PlatformDefaults {}
