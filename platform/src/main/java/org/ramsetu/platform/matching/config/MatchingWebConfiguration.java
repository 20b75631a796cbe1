package org.ramsetu.platform.matching.config;

import org.ramsetu.platform.matching.matches.MatchesConfiguration;
import org.ramsetu.platform.matching.runs.MatchRunWebConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The matching endpoints of the platform API ({@code all}, {@code api}): match runs, the match list
 * and the coordinators' decisions.
 */
@Configuration(proxyBeanMethods = false)
@Import({MatchRunWebConfiguration.class, MatchesConfiguration.class})
public class MatchingWebConfiguration {}
