package org.ramsetu.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Renders deploy/k8s with {@code kubectl kustomize} and parses what it prints. */
final class Manifests {

    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {}

    /** deploy/k8s, whether Maven runs in deploy/ (the module) or in the repository's root. */
    static Path k8sRoot() {
        for (Path p : List.of(Path.of("k8s"), Path.of("deploy", "k8s"))) {
            if (Files.isDirectory(p.resolve("base"))) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException(
                "deploy/k8s not found from " + Path.of("").toAbsolutePath());
    }

    /** The kubectl to render with: RAMSETU_KUBECTL, or kubectl on the PATH. */
    static String kubectl() {
        String configured = System.getenv("RAMSETU_KUBECTL");
        return configured == null || configured.isBlank() ? "kubectl" : configured;
    }

    static boolean runs(String kubectl) {
        try {
            Process p =
                    new ProcessBuilder(kubectl, "version", "--client")
                            .redirectErrorStream(true)
                            .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String render(String kubectl, Path dir) throws IOException, InterruptedException {
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process p =
                    new ProcessBuilder(kubectl, "kustomize", dir.toString())
                            .redirectError(err.toFile())
                            .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(kubectl + " kustomize " + dir + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        kubectl
                                + " kustomize "
                                + dir
                                + " failed: "
                                + Files.readString(err, StandardCharsets.UTF_8));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static String id(JsonNode doc) {
        return doc.path("kind").asString() + "/" + doc.path("metadata").path("name").asString();
    }
}
