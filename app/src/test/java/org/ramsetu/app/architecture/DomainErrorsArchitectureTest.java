package org.ramsetu.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.servlet.Filter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ramsetu.platform.archfixture.ControllerAnsweringInHttp;
import org.ramsetu.platform.archfixture.UseCaseAnsweringInHttp;
import org.ramsetu.platform.web.ApiProblem;
import org.ramsetu.platform.web.idempotency.IdempotentRequests;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;

/**
 * Use cases, job handlers and the CLI refuse with the domain exceptions of {@code
 * org.ramsetu.platform.kernel}; only the web edge speaks HTTP (ADR 0022).
 */
class DomainErrorsArchitectureTest {

    /**
     * Edge classes outside {@code web} packages: Spring Security's hooks and the request's caller,
     * which answer before or around a controller, and the bodies and refresh cookie of the auth
     * controller.
     */
    private static final Set<String> EDGE_CLASSES =
            Set.of(
                    "org.ramsetu.platform.accounts.AuthRequests",
                    "org.ramsetu.platform.accounts.RefreshCookie",
                    "org.ramsetu.platform.security.CurrentUser",
                    "org.ramsetu.platform.security.ProblemAccessDeniedHandler",
                    "org.ramsetu.platform.security.ProblemAuthenticationEntryPoint",
                    "org.ramsetu.platform.security.ProblemWriter",
                    "org.ramsetu.platform.security.SecurityConfiguration");

    @Test
    void onlyTheWebEdgeAnswersInHttp() {
        JavaClasses production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        // other modules' test fixtures reach this class path as test jars
                        .withImportOption(location -> !location.contains("-tests.jar"))
                        .importPackages("org.ramsetu");
        // Guard against a rule that passes because it sees nothing.
        assertThat(production.stream().filter(c -> !webEdge().test(c)).count()).isGreaterThan(100);

        domainErrorsRule().check(production);
    }

    @Test
    void theRuleCatchesAUseCaseThatAnswersInHttpAndSparesAController() {
        JavaClasses fixture =
                new ClassFileImporter()
                        .importClasses(
                                UseCaseAnsweringInHttp.class, ControllerAnsweringInHttp.class);

        List<String> violations =
                domainErrorsRule().evaluate(fixture).getFailureReport().getDetails();

        assertThat(violations)
                .anyMatch(v -> v.contains(ApiProblem.class.getName()))
                .anyMatch(v -> v.contains(IdempotentRequests.class.getName()))
                .anyMatch(v -> v.contains("org.springframework.http.HttpStatus"))
                .allMatch(v -> v.contains(UseCaseAnsweringInHttp.class.getName()))
                .noneMatch(v -> v.contains(ControllerAnsweringInHttp.class.getName()));
    }

    private static ArchRule domainErrorsRule() {
        return noClasses()
                .that(DescribedPredicate.not(webEdge()))
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.ramsetu.platform.web..")
                                .or(resideInAPackage("org.springframework.http..")))
                .as(
                        "only the web edge depends on org.ramsetu.platform.web (ApiProblem, paging"
                                + " annotations, idempotency keys) or org.springframework.http")
                .because(
                        "use cases, job handlers and the CLI refuse with the domain exceptions of"
                                + " org.ramsetu.platform.kernel; ApiProblem.from maps them to"
                                + " problem+json (docs/adr/0022-domain-errors-at-the-edge.md)");
    }

    /**
     * Web packages, controllers and what they declare, servlet filters, Spring configurations
     * (which register the edge's beans), the named edge classes.
     */
    private static DescribedPredicate<JavaClass> webEdge() {
        DescribedPredicate<JavaClass> controller = metaAnnotatedWith(Controller.class).forSubtype();
        return resideInAPackage("..web..")
                .or(controller)
                .or(describe("declared in a controller", c -> isInController(c, controller)))
                .or(assignableTo(Filter.class))
                .or(metaAnnotatedWith(Configuration.class))
                .or(describe("a named edge class or declared in one", c -> isNamedEdge(c)));
    }

    private static boolean isNamedEdge(JavaClass c) {
        return EDGE_CLASSES.contains(c.getName())
                || c.getEnclosingClass()
                        .map(DomainErrorsArchitectureTest::isNamedEdge)
                        .orElse(false);
    }

    private static boolean isInController(JavaClass c, DescribedPredicate<JavaClass> controller) {
        return c.getEnclosingClass()
                .map(outer -> controller.test(outer) || isInController(outer, controller))
                .orElse(false);
    }
}
