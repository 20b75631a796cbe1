package org.ramsetu.app.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every target answers every error as problem details ({@code application/problem+json}): the error
 * page of the servlet container is {@link ProblemErrorController}, and Tomcat's own report (for
 * what it refuses before a servlet runs) is {@link ProblemReportValve}.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorResponsesConfiguration {

    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes errors) {
        return new ProblemErrorController(errors);
    }

    /**
     * Runs after Spring Boot's own customizer, which puts a plain {@link ErrorReportValve} on the
     * host: that one is replaced, so that no request can get Tomcat's HTML page.
     */
    @Bean
    RoutingProblemsAdvice routingProblemsAdvice() {
        return new RoutingProblemsAdvice();
    }

    @Bean
    ProblemReportValveCustomizer problemReportValve() {
        return new ProblemReportValveCustomizer();
    }

    /**
     * Runs after Spring Boot's own customizer, which puts a plain {@link ErrorReportValve} on the
     * host: that one is replaced, so that no request can get Tomcat's HTML page.
     */
    static final class ProblemReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(
                    context -> {
                        StandardHost host = (StandardHost) context.getParent();
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve
                                    && !(valve instanceof ProblemReportValve)) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                        host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
