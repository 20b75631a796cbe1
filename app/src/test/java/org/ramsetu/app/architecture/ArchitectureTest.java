package org.ramsetu.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.archfixture.CoreClassThatUsesInfra;
import org.ramsetu.core.archfixture.cycle.first.FirstHalfOfACycle;

class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        // other modules' test fixtures reach this class path as test jars
                        .withImportOption(location -> !location.contains("-tests.jar"))
                        .importPackages("org.ramsetu");
        // Guard against a rule that passes because it sees nothing, and against a table row for
        // a module that does not exist: the modules seen are exactly the table's.
        assertThat(
                        production.stream()
                                .map(c -> ModuleDependencyRule.moduleOf(c.getName()))
                                .flatMap(Optional::stream)
                                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ModuleDependencyRule.ALLOWED.keySet());
    }

    @Test
    void modulesDependOnlyAsArchitectureAllows() {
        ModuleDependencyRule.rule().check(production);
    }

    @Test
    void coreIsPlainJava() {
        coreIsPlainJavaRule().check(production);
    }

    @Test
    void packagesOfEachModuleDependOnEachOtherWithoutCycles() {
        for (String module :
                new String[] {"core", "infra", "scoring", "platform", "app", "bench"}) {
            packagesWithoutCycles(module).check(production);
        }
    }

    @Test
    void theRulesCatchAForbiddenDependencyAndACycle() {
        JavaClasses fixture = new ClassFileImporter().importClasses(CoreClassThatUsesInfra.class);

        assertThat(ModuleDependencyRule.rule().evaluate(fixture).getFailureReport().getDetails())
                .anyMatch(d -> d.contains("org.ramsetu.infra.settings.RamsetuSettings"));
        assertThat(coreIsPlainJavaRule().evaluate(fixture).hasViolation()).isTrue();

        JavaClasses cycle =
                new ClassFileImporter()
                        .importPackagesOf(
                                FirstHalfOfACycle.class,
                                org.ramsetu.core.archfixture.cycle.second.SecondHalfOfACycle.class);
        assertThat(packagesWithoutCycles("core").evaluate(cycle).hasViolation()).isTrue();
    }

    private static ArchRule coreIsPlainJavaRule() {
        return classes()
                .that()
                .resideInAPackage("org.ramsetu.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.ramsetu.core..")
                .because("core/ stays framework-free (docs/architecture.md)");
    }

    /** Every package of the module is a slice; no slice may reach itself again. */
    private static ArchRule packagesWithoutCycles(String module) {
        return slices().matching("org.ramsetu." + module + ".(**)")
                .should()
                .beFreeOfCycles()
                .as("packages of '" + module + "' depend on each other without cycles")
                .allowEmptyShould(false);
    }
}
