package org.ramsetu.infra.blob;

import org.ramsetu.infra.settings.RamsetuSettings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client from {@code RAMSETU_S3_*}: endpoint override, region, path style, timeouts.
 */
public final class S3Clients {

    private S3Clients() {}

    /**
     * @param credentials where access keys come from; in production the SDK's default chain ({@code
     *     AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profile, instance role)
     */
    public static S3Client create(
            RamsetuSettings.S3 settings,
            BlobStoreProperties.S3 properties,
            AwsCredentialsProvider credentials) {
        boolean pathStyle =
                properties.pathStyle() != null
                        ? properties.pathStyle()
                        : settings.endpoint().isPresent();
        S3ClientBuilder builder =
                S3Client.builder()
                        .region(Region.of(settings.region()))
                        .credentialsProvider(credentials)
                        .forcePathStyle(pathStyle)
                        // Always send and check checksums; the SHA-256 of each blob is S3's.
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_SUPPORTED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED)
                        .httpClient(
                                Apache5HttpClient.builder()
                                        .connectionTimeout(properties.connectTimeout())
                                        .socketTimeout(properties.socketTimeout())
                                        .maxConnections(properties.maxConnections())
                                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
