package org.ramsetu.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.ramsetu.infra.ratelimit.RateLimiter;
import org.ramsetu.infra.scoring.ScoringCredentials;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.platform.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what, on every target. Stateless bearer tokens (no session, no cookies, so no CSRF
 * surface); probes and metrics open; operations endpoints and {@code /api/v1/admin/**} for
 * coordinators; the rest of {@code /api/v1} for signed-in users, except the account flows.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final String COORDINATOR = "ADMIN";

    private static final DefaultBearerTokenResolver AUTHORIZATION =
            new DefaultBearerTokenResolver();

    /**
     * Where a request's token is: {@code Authorization: Bearer}, else the service-token header
     * (ScoringCredentials.HEADER). Only the scoring target's decoder accepts service tokens.
     */
    private static final BearerTokenResolver TOKENS =
            request -> {
                String bearer = AUTHORIZATION.resolve(request);
                return bearer != null ? bearer : request.getHeader(ScoringCredentials.HEADER);
            };

    @Bean
    JwtDecoder jwtDecoder(RamsetuSettings settings, SecurityProperties properties, Clock clock) {
        return TokenKeys.of(settings)
                .<JwtDecoder>map(
                        keys -> {
                            JwtDecoder users =
                                    new AccessTokens(keys, properties.accessTokenLifetime(), clock)
                                            .decoder();
                            if (properties.scoringApi()
                                    != SecurityProperties.ScoringApiAccess.SERVICE) {
                                return users;
                            }
                            // The scoring target: coordinators, and the api and worker targets
                            // with their service tokens (each decoder refuses the other's tokens:
                            // other keys, other audience).
                            JwtDecoder services = ServiceTokens.decoder(keys);
                            return token -> {
                                try {
                                    return users.decode(token);
                                } catch (BadJwtException notAUsersToken) {
                                    return services.decode(token);
                                }
                            };
                        })
                .orElse(
                        token -> {
                            throw new BadJwtException(
                                    "this target has no RAMSETU_JWT_SECRET, so it accepts no"
                                            + " tokens");
                        });
    }

    /** The token this target shows when it calls the scoring target (RAMSETU_SCORING_URL). */
    @Bean
    ServiceTokens serviceTokens(
            RamsetuSettings settings,
            Clock clock,
            @Value("${management.metrics.tags.target:ramsetu}") String target) {
        return TokenKeys.of(settings)
                .map(keys -> new ServiceTokens(keys, target, clock))
                .orElse(null);
    }

    @Bean
    @Order(1)
    SecurityFilterChain operationsEndpoints(
            HttpSecurity http,
            JwtDecoder decoder,
            SecurityProperties properties,
            Clock clock,
            ObjectProvider<AuditLog> audit,
            ObjectProvider<SessionRevocations> sessions,
            ObjectProvider<MeterRegistry> meters)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(
                        a ->
                                a.requestMatchers(
                                                "/actuator/health",
                                                "/actuator/health/**",
                                                "/actuator/prometheus",
                                                "/actuator/info")
                                        .permitAll()
                                        .anyRequest()
                                        .hasRole(COORDINATOR));
        return common(
                        http,
                        decoder,
                        secondFactor(properties, clock),
                        audit.getIfAvailable(),
                        sessionCheck(sessions, meters))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(
            HttpSecurity http,
            JwtDecoder decoder,
            SecurityProperties properties,
            Clock clock,
            RateLimiter limiter,
            ObjectProvider<AuditLog> audit,
            ObjectProvider<SessionRevocations> sessions,
            ObjectProvider<MeterRegistry> meters)
            throws Exception {
        http.authorizeHttpRequests(
                        a -> {
                            a.requestMatchers("/api/v1/auth/**").permitAll();
                            a.requestMatchers("/api/v1/admin/**").hasRole(COORDINATOR);
                            // Coordinator work outside /admin: registry reports and large exports,
                            // the reminders list. Their controllers check the role too.
                            a.requestMatchers("/api/v1/reports/**", "/api/v1/reminders/**")
                                    .hasRole(COORDINATOR);
                            a.requestMatchers("/api/**").authenticated();
                            switch (properties.scoringApi()) {
                                case OPEN -> a.requestMatchers("/v1/**").permitAll();
                                case SERVICE ->
                                        a.requestMatchers("/v1/**")
                                                .hasAnyRole(COORDINATOR, ServiceTokens.ROLE);
                                case COORDINATOR ->
                                        a.requestMatchers("/v1/**").hasRole(COORDINATOR);
                            }
                            a.requestMatchers(HttpMethod.GET, "/**").permitAll();
                            // what GET may read, HEAD may ask about (uptime checks, link checkers)
                            a.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
                            a.anyRequest().denyAll();
                        })
                .cors(c -> c.configurationSource(cors(properties)))
                .headers(
                        h ->
                                h.contentSecurityPolicy(
                                                csp ->
                                                        csp.policyDirectives(
                                                                properties.contentSecurityPolicy()))
                                        .referrerPolicy(
                                                r ->
                                                        r.policy(
                                                                ReferrerPolicyHeaderWriter
                                                                        .ReferrerPolicy
                                                                        .NO_REFERRER)))
                .addFilterAfter(
                        new ApiRateLimitFilter(limiter), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new QueryTextFilter(), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(
                        new BodySizeLimitFilter(
                                properties.maxBodySize().toBytes(),
                                properties.maxScoringBodySize().toBytes()),
                        BearerTokenAuthenticationFilter.class);
        return common(
                        http,
                        decoder,
                        secondFactor(properties, clock),
                        audit.getIfAvailable(),
                        sessionCheck(sessions, meters))
                .build();
    }

    /**
     * How a verified token becomes the request's authentication: with a session check where the
     * accounts module runs (every target with the registry database); the scoring target alone has
     * no database and checks signature and expiry only.
     */
    private static UnaryOperator<Converter<Jwt, AbstractAuthenticationToken>> sessionCheck(
            ObjectProvider<SessionRevocations> sessions, ObjectProvider<MeterRegistry> meters) {
        SessionRevocations revocations = sessions.getIfAvailable();
        if (revocations == null) {
            return UnaryOperator.identity();
        }
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        return converter -> new SessionCheckingConverter(converter, revocations, registry);
    }

    private static RecentSecondFactorFilter secondFactor(
            SecurityProperties properties, Clock clock) {
        return new RecentSecondFactorFilter(properties.secondFactorStepUpWindow(), clock);
    }

    private static HttpSecurity common(
            HttpSecurity http,
            JwtDecoder decoder,
            RecentSecondFactorFilter secondFactor,
            AuditLog audit,
            UnaryOperator<Converter<Jwt, AbstractAuthenticationToken>> sessionCheck)
            throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(AccessTokens.ROLE_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        Converter<Jwt, AbstractAuthenticationToken> checked = sessionCheck.apply(authentication);
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(Customizer.withDefaults())
                .oauth2ResourceServer(
                        o ->
                                o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(checked))
                                        .bearerTokenResolver(TOKENS)
                                        .authenticationEntryPoint(entryPoint)
                                        .accessDeniedHandler(new ProblemAccessDeniedHandler(audit)))
                .exceptionHandling(
                        e ->
                                e.authenticationEntryPoint(entryPoint)
                                        .accessDeniedHandler(
                                                new ProblemAccessDeniedHandler(audit)));
        http.addFilterAfter(secondFactor, BearerTokenAuthenticationFilter.class);
        if (audit != null) {
            http.addFilterAfter(
                    new CoordinatorActionAuditFilter(audit), BearerTokenAuthenticationFilter.class);
        }
        return http;
    }

    private static CorsConfigurationSource cors(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(properties.corsAllowedOrigins());
            api.addAllowedMethod("*");
            api.addAllowedHeader("Authorization");
            api.addAllowedHeader("Content-Type");
            api.addAllowedHeader("Idempotency-Key");
            api.addAllowedHeader("If-Match");
            // The web app's cookie mode (docs/SECURITY.md "Web sessions"); credentials so that a
            // listed origin's requests may carry the refresh cookie of /api/v1/auth.
            api.addAllowedHeader("X-RamSetu-Session");
            api.setAllowCredentials(true);
            api.addExposedHeader("Retry-After");
            api.addExposedHeader("ETag");
            api.addExposedHeader("Location");
            api.addExposedHeader("Content-Disposition");
            api.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }
}
