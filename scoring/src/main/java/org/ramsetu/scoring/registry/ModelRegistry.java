package org.ramsetu.scoring.registry;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.blob.BlobContent;
import org.ramsetu.infra.blob.BlobKey;
import org.ramsetu.infra.blob.BlobStore;
import org.ramsetu.infra.blob.BlobSummary;
import org.ramsetu.scoring.training.ModelTrainer;
import org.ramsetu.scoring.training.TrainedModel;
import tools.jackson.databind.json.JsonMapper;

/**
 * Models on the blob store: {@code models/<organ>/<version>/model.ubj} and {@code card.json}. The
 * artifact is written first and the card last, so a version exists (is listed) only once both are
 * complete; a crash in between leaves an unlisted artifact, never a card without its model.
 */
public final class ModelRegistry {

    private static final String ROOT = "models";
    private static final String CARD = "card.json";
    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("'v'yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final BlobStore store;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public ModelRegistry(BlobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Stores the model and its card; returns the card of the new version. */
    public ModelCard register(
            Organ organ, TrainedModel model, long seed, String origin, String dataSource) {
        var now = clock.instant();
        String version = VERSION_TIME.format(now);
        BlobKey folder = folder(organ).resolve(version);
        byte[] artifact = model.artifact();
        ModelCard card =
                new ModelCard(
                        version,
                        now,
                        name(organ),
                        model.features(),
                        model.trainRows() + model.testRows(),
                        seed,
                        model.metrics().asMap(),
                        model.parameters().asCardEntry(),
                        LibraryVersions.current(),
                        ModelTrainer.ARTIFACT_FORMAT,
                        sha256(artifact),
                        artifact.length,
                        model.trainingTime().toMillis() / 1000.0,
                        origin,
                        dataSource);
        store.put(
                artifactKey(folder),
                new ByteArrayInputStream(artifact),
                artifact.length,
                "application/octet-stream");
        byte[] cardJson = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(card);
        store.put(
                folder.resolve(CARD),
                new ByteArrayInputStream(cardJson),
                cardJson.length,
                "application/json");
        return card;
    }

    /** Every registered version of the organ's model, oldest first. */
    public List<ModelCard> versions(Organ organ) {
        return store.list(folder(organ).value() + "/").stream()
                .map(BlobSummary::key)
                .filter(key -> key.value().endsWith("/" + CARD))
                .map(this::readCard)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ModelCard::version))
                .toList();
    }

    /** The pinned version when given (it must exist), otherwise the newest one. */
    public Optional<ModelCard> choose(Organ organ, Optional<String> pinned) {
        List<ModelCard> all = versions(organ);
        if (pinned.isPresent()) {
            return Optional.of(
                    all.stream()
                            .filter(card -> card.version().equals(pinned.get()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "pinned "
                                                            + name(organ)
                                                            + " model version "
                                                            + pinned.get()
                                                            + " is not registered (have: "
                                                            + all.stream()
                                                                    .map(ModelCard::version)
                                                                    .toList()
                                                            + ")")));
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The artifact's bytes, checked against the SHA-256 on its card. */
    public byte[] artifact(ModelCard card) {
        BlobKey key = artifactKey(folder(Organ.parse(card.organ())).resolve(card.version()));
        byte[] bytes;
        try (BlobContent content =
                store.get(key)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "model artifact " + key + " is missing"))) {
            bytes = content.readAllBytes();
        }
        String actual = sha256(bytes);
        if (!actual.equals(card.artifactSha256())) {
            throw new IllegalStateException(
                    "model artifact "
                            + key
                            + " has SHA-256 "
                            + actual
                            + " but its card says "
                            + card.artifactSha256());
        }
        return bytes;
    }

    private Optional<ModelCard> readCard(BlobKey key) {
        return store.get(key)
                .map(
                        content -> {
                            try (content) {
                                return json.readValue(content.readAllBytes(), ModelCard.class);
                            }
                        });
    }

    private static BlobKey folder(Organ organ) {
        return BlobKey.of(ROOT).resolve(name(organ));
    }

    private static BlobKey artifactKey(BlobKey folder) {
        return folder.resolve("model." + ModelTrainer.ARTIFACT_FORMAT);
    }

    static String name(Organ organ) {
        return organ.name().toLowerCase(Locale.ROOT);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
