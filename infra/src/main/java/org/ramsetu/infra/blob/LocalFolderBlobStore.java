package org.ramsetu.infra.blob;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as files under one folder (the embedded default, {@code $RAMSETU_DATA_DIR/blobs}). Key
 * {@code a/b.pdf} is the file {@code objects/a/b.pdf~blob}: a header then the bytes. The {@code ~}
 * suffix (never part of a key) keeps the file of key {@code a} apart from the folder of {@code
 * a/b}. A put writes a temporary file, fsyncs it and renames it into place atomically. Folders and
 * files are readable by the service's own user only: they hold health documents.
 */
public final class LocalFolderBlobStore implements BlobStore {

    static final String SUFFIX = "~blob";

    private final Path objects;
    private final Path incoming;
    private final Clock clock;

    public LocalFolderBlobStore(Path root, Clock clock) {
        this.objects = root.resolve("objects").toAbsolutePath().normalize();
        this.incoming = root.resolve("incoming").toAbsolutePath().normalize();
        this.clock = clock;
        try {
            OwnerOnlyFolders.create(objects);
            OwnerOnlyFolders.create(incoming);
            removeAbandonedPuts();
        } catch (IOException e) {
            throw new BlobStoreException("cannot create the blob folder " + root + ": " + e, e);
        }
    }

    @Override
    public StoredBlob put(BlobKey key, InputStream content, long length, String contentType) {
        contentType = StoredBlob.checkContentType(contentType);
        if (length < UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("blob length must be >= 0 or UNKNOWN_LENGTH");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "put-", ".tmp");
            StoredBlob blob = BlobFileFormat.write(temp, key, content, length, contentType, clock);
            Path target = fileOf(key);
            OwnerOnlyFolders.create(target.getParent());
            Files.move(
                    temp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return blob;
        } catch (MeasuringInputStream.ContentLengthMismatchException e) {
            throw new IllegalArgumentException("blob " + key + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BlobStoreException(
                    "storing blob " + key + " under " + objects + " failed: " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Optional<BlobContent> get(BlobKey key) {
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(fileOf(key)), 64 * 1024);
            StoredBlob blob = BlobFileFormat.decode(key, in.readNBytes(BlobFileFormat.SIZE));
            return Optional.of(new BlobContent(blob, new VerifyingInputStream(in, blob)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(in);
            throw new BlobStoreException(
                    "reading blob " + key + " under " + objects + " failed: " + e, e);
        }
    }

    @Override
    public Optional<StoredBlob> stat(BlobKey key) {
        try (InputStream in = Files.newInputStream(fileOf(key))) {
            return Optional.of(BlobFileFormat.decode(key, in.readNBytes(BlobFileFormat.SIZE)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BlobStoreException(
                    "reading blob " + key + " under " + objects + " failed: " + e, e);
        }
    }

    @Override
    public List<BlobSummary> list(String prefix) {
        BlobKey.checkPrefix(prefix);
        // Walk only the deepest folder the prefix names in full.
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? objects : objects.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .filter(Files::isRegularFile)
                    .map(this::summaryOf)
                    .flatMap(Optional::stream)
                    .filter(s -> s.key().value().startsWith(prefix))
                    .sorted(Comparator.comparing(BlobSummary::key))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BlobStoreException(
                    "listing blobs '" + prefix + "' under " + objects + " failed: " + e, e);
        }
    }

    @Override
    public void delete(BlobKey key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new BlobStoreException(
                    "deleting blob " + key + " under " + objects + " failed: " + e, e);
        }
    }

    /** Empty when the file went away while listing (a concurrent delete). */
    private Optional<BlobSummary> summaryOf(Path file) {
        String relative =
                objects.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
        BlobKey key = BlobKey.of(relative.substring(0, relative.length() - SUFFIX.length()));
        try {
            return Optional.of(new BlobSummary(key, Files.size(file) - BlobFileFormat.SIZE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path fileOf(BlobKey key) {
        Path file = objects.resolve(key.value() + SUFFIX).normalize();
        if (!file.startsWith(objects)) {
            // BlobKey already forbids this; the check guards against a future change of its rules.
            throw new IllegalArgumentException("blob key " + key + " leaves the store folder");
        }
        return file;
    }

    /** Temporary files older than a day are what a killed process left mid-put. */
    private void removeAbandonedPuts() throws IOException {
        java.time.Instant dayAgo = clock.instant().minus(java.time.Duration.ofDays(1));
        try (Stream<Path> temps = Files.list(incoming)) {
            for (Path temp : temps.toList()) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(dayAgo)) {
                    deleteQuietly(temp);
                }
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A leftover temporary file is harmless; the next put uses a new name.
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Already failing with the more useful exception.
            }
        }
    }
}
