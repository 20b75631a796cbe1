package org.ramsetu.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Where one feature module hands an id to another, the id says what it names ({@code AccountId},
 * {@code PledgeId}, {@code RequestId}...; ADR 0033): a call from one feature module into another
 * passes no raw {@link UUID} to a method. The modules that serve every feature with records of any
 * kind (the audit log, record access, the shared kernel, the stored framing of run lists, the
 * ranking-run kernel that serves match and allocation runs alike) take the UUID of whatever record
 * they are given.
 */
class TypedIdsAtModuleFacesTest {

    /** Modules whose faces take the id of a record of any kind, so a UUID is their point. */
    private static final Set<String> SHARED =
            Set.of(
                    "kernel",
                    "identity",
                    "records",
                    "audit",
                    "security",
                    "web",
                    "runlists",
                    "rankingruns");

    @Test
    void noCallFromOneFeatureModuleIntoAnotherPassesARawUuid() {
        Set<String> found =
                rawUuidCalls(
                        PlatformModulesTest.MODULES,
                        new ClassFileImporter()
                                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                .importPackages("org.ramsetu.platform"));

        assertThat(found)
                .as(
                        "calls into another feature module that pass a raw UUID: type the id"
                                + " (docs/adr/0033-typed-ids-at-module-faces.md)")
                .isEmpty();
    }

    @Test
    void theScanCatchesAPlantedRawUuid() {
        String planted = "org.ramsetu.platform.architecture.planted";

        Set<String> found =
                rawUuidCalls(
                        ApplicationModules.of(planted, location -> true),
                        new ClassFileImporter().importPackages(planted));

        assertThat(found).containsExactly("Reservations (ordering) → Stock.reservedFor (stock)");
    }

    private static Set<String> rawUuidCalls(ApplicationModules modules, JavaClasses classes) {
        Set<String> found = new TreeSet<>();
        for (JavaClass caller : classes) {
            Optional<String> from = module(modules, caller);
            if (from.isEmpty()) {
                continue;
            }
            // Methods, not constructors: a typed id wraps its UUID, and records (events, views)
            // carry the ids of what they describe, as ADR 0033 says.
            for (JavaMethodCall call : caller.getMethodCallsFromSelf()) {
                Optional<String> to = module(modules, call.getTargetOwner());
                if (to.isPresent()
                        && !to.equals(from)
                        && !SHARED.contains(to.get())
                        && call.getTarget().getRawParameterTypes().stream()
                                .anyMatch(type -> type.isEquivalentTo(UUID.class))) {
                    found.add(
                            caller.getSimpleName()
                                    + " ("
                                    + from.get()
                                    + ") → "
                                    + call.getTargetOwner().getSimpleName()
                                    + "."
                                    + call.getName()
                                    + " ("
                                    + to.get()
                                    + ")");
                }
            }
        }
        return found;
    }

    private static Optional<String> module(ApplicationModules modules, JavaClass type) {
        return modules.getModuleByType(type.getName())
                .map(ApplicationModule::getIdentifier)
                .map(Object::toString);
    }
}
