package org.ramsetu.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The platform's features are Spring Modulith application modules (ADR 0031): each reaches another
 * only through that feature's base package or a named interface, and no two modules depend on each
 * other in a cycle. The module documentation in {@code docs/modules} is what the modules are: when
 * a change alters it, {@code RAMSETU_UPDATE_MODULES=1} writes the new one over it.
 */
class PlatformModulesTest {

    /** The platform's modules as Spring Modulith reads them; other architecture tests reuse it. */
    static final ApplicationModules MODULES = ApplicationModules.of("org.ramsetu.platform");

    private static final Path COMMITTED = Path.of("..", "docs", "modules");

    @Test
    void everyModuleUsesOnlyTheFacesOfOthers() {
        // Guard against a verification that passes because it sees nothing.
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("accounts", "audit", "security", "registry", "documents", "matching")
                .contains("allocation", "coordination", "kernel", "web");

        MODULES.verify();
    }

    @Test
    void theVerificationCatchesAModuleThatUsesAnotherModulesInternals() {
        ApplicationModules planted =
                ApplicationModules.of(
                        "org.ramsetu.platform.architecture.planted", includingTests());

        assertThatThrownBy(planted::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'ordering' depends on non-exposed type")
                .hasMessageContaining("planted.stock.internal.StockLedger");
    }

    @Test
    void theCommittedModuleDocumentationIsCurrent(@TempDir Path generated) throws IOException {
        new Documenter(
                        MODULES,
                        Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation();
        Map<String, String> now = filesIn(generated);
        assertThat(now).isNotEmpty().containsKey("components.puml");

        if ("1".equals(System.getenv("RAMSETU_UPDATE_MODULES"))) {
            replace(COMMITTED, now);
        }
        Map<String, String> committed = filesIn(COMMITTED);
        String update =
                "if the change is meant, run this test with RAMSETU_UPDATE_MODULES=1 and commit"
                        + " docs/modules";
        assertThat(committed.keySet())
                .as("the files of docs/modules; " + update)
                .isEqualTo(now.keySet());
        // Line by line, in any order: Spring Modulith orders modules and relations that tie by
        // identity hash codes, which differ between a test alone and the whole suite.
        now.forEach(
                (file, text) ->
                        assertThat(committed.get(file).lines())
                                .as("docs/modules/" + file + " differs; " + update)
                                .containsExactlyInAnyOrderElementsOf(text.lines().toList()));
    }

    /** The planted modules are test classes, which a verification leaves out by default. */
    private static ImportOption includingTests() {
        return location -> true;
    }

    private static Map<String, String> filesIn(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        }
        return files;
    }

    private static void replace(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            old.forEach(PlatformModulesTest::delete);
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
