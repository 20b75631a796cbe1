package org.ramsetu.infra.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The blob store's credentials chain (the one {@link BlobStoreConfiguration} uses) reads the keys
 * from a mounted credentials file, as the Kubernetes manifests give them
 * (AWS_SHARED_CREDENTIALS_FILE, rendered by the ramsetu-blobs-s3 ExternalSecret): the keys never
 * need to be environment variables.
 */
class S3CredentialsFileTest {

    private static final String FILE_PROPERTY = "aws.sharedCredentialsFile";

    @TempDir Path dir;

    @AfterEach
    void forgetTheFile() {
        System.clearProperty(FILE_PROPERTY);
    }

    @Test
    void theDefaultChainReadsTheKeysFromTheMountedCredentialsFile() throws Exception {
        assumeTrue(
                System.getenv("AWS_ACCESS_KEY_ID") == null
                        && System.getProperty("aws.accessKeyId") == null,
                "keys in the environment come first in the chain");
        Path file = dir.resolve("credentials");
        // The ExternalSecret's template, rendered.
        Files.writeString(
                file,
                """
                [default]
                aws_access_key_id = AKIAEXAMPLEFROMFILE1
                aws_secret_access_key = secret/from+the/mounted+file
                """);
        System.setProperty(FILE_PROPERTY, file.toString());

        AwsCredentials credentials =
                DefaultCredentialsProvider.builder().build().resolveCredentials();

        assertThat(credentials.accessKeyId()).isEqualTo("AKIAEXAMPLEFROMFILE1");
        assertThat(credentials.secretAccessKey()).isEqualTo("secret/from+the/mounted+file");
    }
}
