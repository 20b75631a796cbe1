package org.ramsetu.app.web;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web application (module {@code web}, packaged as {@code static/}) on the targets with the
 * public API ({@code all}, {@code api}): client-side routes fall back to {@code index.html};
 * content-hashed files under {@code /assets/} are cached for a year, {@code index.html} and {@code
 * config.json} are revalidated. Security headers (CSP) come from the security filter chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ramsetu.platform.api-enabled")
public class WebAppConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<SpaFallbackFilter> spaFallbackFilter() {
        // Default (lowest) order: after the security filter chain, which writes the headers.
        return new FilterRegistrationBean<>(new SpaFallbackFilter());
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
