package org.ramsetu.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests are named by their tier: {@code *IntegrationTest} when they start a server (PostgreSQL,
 * Redis, SMTP, S3, a target of the product, a browser), {@code *Test} when they run in memory. A
 * developer can then run the fast tier alone, and a reader knows what a failure may depend on.
 */
class TestTiersTest {

    /** Everything below the repository: the modules are its folders. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    /**
     * What starts a server in this code base's tests: the database and server harnesses, and the
     * HTTP suite's helpers, which all talk to the shared platform instance.
     */
    private static final Pattern STARTS_A_SERVER =
            Pattern.compile(
                    "\\b(?:PlatformInstance|TestDatabase|PerClassDatabase|EmbeddedPostgres|RegistryDatabase"
                            + "|CommandDatabase"
                            + "|GreenMail|S3Mock|RedisServer|ProcessBuilder)\\b"
                            + "|\\b(?:Accounts|Registry|Matching|Donation|Browser)\\.\\w");

    /** Comments and string literals, read left to right: what they name is not code. */
    private static final Pattern NOT_CODE =
            Pattern.compile(
                    "//[^\\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"",
                    Pattern.DOTALL);

    @Test
    void aTestThatStartsAServerIsNamedAnIntegrationTest() throws IOException {
        assertThat(misnamed())
                .as("tests that start a server but are not named *IntegrationTest")
                .isEmpty();
    }

    @Test
    void theScanSeesServersInCodeButNotInComments() {
        assertThat(startsAServer("class A { TestDatabase db = TestDatabase.start(dir); }"))
                .isTrue();
        assertThat(startsAServer("class B { var me = Accounts.donor().client(); }")).isTrue();
        assertThat(startsAServer("class E { static CommandDatabase db = new CommandDatabase(); }"))
                .isTrue();
        assertThat(startsAServer("class C { // unlike TestDatabase, this runs in memory\n }"))
                .isFalse();
        assertThat(startsAServer("class D { double p = HlaMatching.points(mismatch); }")).isFalse();
    }

    private static List<String> misnamed() throws IOException {
        List<Path> sources = testSources();
        assertThat(sources).as("the test sources of every module").hasSizeGreaterThan(100);
        TreeSet<String> found = new TreeSet<>();
        for (Path file : sources) {
            String name = file.getFileName().toString();
            if (name.endsWith("Test.java")
                    && !name.endsWith("IntegrationTest.java")
                    && startsAServer(Files.readString(file))) {
                found.add(REPOSITORY.relativize(file).toString());
            }
        }
        return List.copyOf(found);
    }

    /** The Java test sources of each module (a folder of the repository with src/test/java). */
    private static List<Path> testSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            for (Path module : modules.toList()) {
                Path tests = module.resolve("src/test/java");
                if (Files.isDirectory(tests)) {
                    try (Stream<Path> files = Files.walk(tests)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                    }
                }
            }
        }
        return sources;
    }

    static boolean startsAServer(String source) {
        return STARTS_A_SERVER.matcher(NOT_CODE.matcher(source).replaceAll(" ")).find();
    }
}
