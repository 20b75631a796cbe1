package org.ramsetu.infra.blob;

import java.time.Clock;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The {@link BlobStore}: an S3-compatible bucket when {@code RAMSETU_S3_BUCKET} is set, otherwise
 * the folder {@code $RAMSETU_DATA_DIR/blobs}. Needs the {@code ramsetuSettings} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobStoreProperties.class)
public class BlobStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BlobStoreConfiguration.class);

    @Bean
    BlobStore blobStore(
            RamsetuSettings settings, BlobStoreProperties properties, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        if (settings.s3().isPresent()) {
            RamsetuSettings.S3 s3 = settings.s3().get();
            log.info(
                    "Blob store: S3 bucket {} at {} ({})",
                    s3.bucket(),
                    s3.endpoint().map(Object::toString).orElse("AWS"),
                    s3.region());
            return new S3BlobStore(
                    S3Clients.create(
                            s3, properties.s3(), DefaultCredentialsProvider.builder().build()),
                    s3.bucket(),
                    properties.spoolDirectoryOrDefault(),
                    time);
        }
        var folder = settings.dataDir().resolve("blobs");
        log.info("Blob store: local folder {}", folder.toAbsolutePath());
        return new LocalFolderBlobStore(folder, time);
    }
}
