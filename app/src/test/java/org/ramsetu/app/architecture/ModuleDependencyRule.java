package org.ramsetu.app.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency rule of docs/architecture.md as data: {@code core} depends on nothing of ours;
 * {@code infra} only on {@code core}; {@code scoring} and {@code platform} on {@code core} and
 * {@code infra}, never on each other; {@code app} wires them; {@code bench} measures any of them
 * and nothing depends on it. The table holds exactly the modules that exist (the guard in
 * ArchitectureTest checks both ways), so a new module cannot slip past the rule and a stale row
 * cannot pretend to check one. Queue consumers are no module of their own: they live with the
 * features whose jobs they run, switched on by the {@code worker} and {@code all} targets.
 */
final class ModuleDependencyRule {

    static final String ROOT = "org.ramsetu.";

    static final Map<String, Set<String>> ALLOWED =
            Map.of(
                    "core", Set.of("core"),
                    "infra", Set.of("infra", "core"),
                    "scoring", Set.of("scoring", "core", "infra"),
                    "platform", Set.of("platform", "core", "infra"),
                    "bench", Set.of("bench", "core", "infra", "scoring", "platform"),
                    "app", Set.of("app", "core", "infra", "scoring", "platform"));

    private ModuleDependencyRule() {}

    static ArchRule rule() {
        return ArchRuleDefinition.classes()
                .that()
                .resideInAPackage("org.ramsetu..")
                .should(dependOnlyOnAllowedModules())
                .as("RamSetu modules depend only as docs/architecture.md allows");
    }

    static Optional<String> moduleOf(String className) {
        if (!className.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = className.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static ArchCondition<JavaClass> dependOnlyOnAllowedModules() {
        return new ArchCondition<>("depend only on allowed modules") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String from = moduleOf(item.getName()).orElseThrow();
                Set<String> allowed = ALLOWED.get(from);
                if (allowed == null) {
                    events.add(
                            SimpleConditionEvent.violated(
                                    item,
                                    item.getName()
                                            + " is in module '"
                                            + from
                                            + "', which the dependency rule does not know"));
                    return;
                }
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    moduleOf(d.getTargetClass().getName())
                            .filter(to -> !allowed.contains(to))
                            .ifPresent(
                                    to ->
                                            events.add(
                                                    SimpleConditionEvent.violated(
                                                            d, d.getDescription())));
                }
            }
        };
    }
}
