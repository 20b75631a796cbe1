package org.ramsetu.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.archfixture.CoreClassThatUsesInfra;

class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.ramsetu");
        // Guard against a rule that passes because it sees nothing.
        assertThat(production.stream().map(c -> ModuleDependencyRule.moduleOf(c.getName())))
                .extracting(m -> m.orElse(""))
                .contains("core", "infra", "scoring", "platform", "app");
    }

    @Test
    void modulesDependOnlyAsArchitectureAllows() {
        ModuleDependencyRule.rule().check(production);
    }

    @Test
    void coreIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("org.ramsetu.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.ramsetu.core..")
                .because("core/ stays framework-free (ARCHITECTURE.md)")
                .check(production);
    }

    @Test
    void theRulesCatchAForbiddenDependency() {
        JavaClasses fixture = new ClassFileImporter().importClasses(CoreClassThatUsesInfra.class);

        assertThat(ModuleDependencyRule.rule().evaluate(fixture).getFailureReport().getDetails())
                .anyMatch(d -> d.contains("org.ramsetu.infra.settings.RamsetuSettings"));
        assertThat(
                        classes()
                                .that()
                                .resideInAPackage("org.ramsetu.core..")
                                .should()
                                .onlyDependOnClassesThat()
                                .resideInAnyPackage("java..", "org.ramsetu.core..")
                                .evaluate(fixture)
                                .hasViolation())
                .isTrue();
    }
}
