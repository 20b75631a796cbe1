package org.ramsetu.app.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.blob.BlobStore;
import org.ramsetu.infra.blob.BlobStoreProperties;
import org.ramsetu.infra.blob.LocalFolderBlobStore;
import org.ramsetu.infra.blob.S3BlobStore;
import org.ramsetu.infra.blob.S3Clients;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.scoring.registry.ModelRegistry;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * What the model commands ({@code train}, {@code score}) share: settings from the environment and
 * the model registry on the same blob store the server reads (the data folder, or S3 when {@code
 * RAMSETU_S3_BUCKET} is set).
 */
abstract class ScoringCommandSupport {

    /** Replaced by tests through {@link RamsetuCommand#commandLine}. */
    Map<String, String> environment = System.getenv();

    ModelRegistry registry() {
        return new ModelRegistry(
                blobStore(RamsetuSettings.fromEnvironment(environment)), Clock.systemUTC());
    }

    private static BlobStore blobStore(RamsetuSettings settings) {
        if (settings.s3().isPresent()) {
            RamsetuSettings.S3 s3 = settings.s3().get();
            BlobStoreProperties.S3 client =
                    new BlobStoreProperties.S3(
                            Duration.ofSeconds(5), Duration.ofSeconds(30), 4, null);
            BlobStoreProperties defaults = new BlobStoreProperties(client, null);
            return new S3BlobStore(
                    S3Clients.create(s3, client, DefaultCredentialsProvider.builder().build()),
                    s3.bucket(),
                    defaults.spoolDirectoryOrDefault(),
                    Clock.systemUTC());
        }
        return new LocalFolderBlobStore(settings.dataDir().resolve("blobs"), Clock.systemUTC());
    }

    /** {@code --organ kidney} (any case) with the list of choices on a mistake. */
    static final class OrganConverter implements ITypeConverter<Organ> {
        @Override
        public Organ convert(String value) {
            try {
                return Organ.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "unknown organ '" + value + "' (expected kidney, liver, heart or cornea)");
            }
        }
    }
}
