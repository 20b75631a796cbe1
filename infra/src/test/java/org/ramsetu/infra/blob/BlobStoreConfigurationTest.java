package org.ramsetu.infra.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.testing.SettingsContexts;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BlobStoreConfigurationTest {

    @TempDir Path dataDir;

    ApplicationContextRunner runner(Map<String, String> env) {
        return SettingsContexts.fromEnvironment(env)
                .withUserConfiguration(BlobStoreConfiguration.class);
    }

    @Test
    void withoutS3SettingsBlobsGoToTheDataFolder() {
        runner(Map.of("RAMSETU_DATA_DIR", dataDir.toString()))
                .run(
                        context -> {
                            BlobStore store = context.getBean(BlobStore.class);
                            assertThat(store).isInstanceOf(LocalFolderBlobStore.class);
                            store.put(BlobKey.of("a/b"), new byte[] {1}, "text/plain");
                            assertThat(Files.exists(dataDir.resolve("blobs/objects/a/b~blob")))
                                    .isTrue();
                        });
    }

    @Test
    void withABucketBlobsGoToS3WithTheConfiguredTimeouts() {
        runner(
                        Map.of(
                                "RAMSETU_DATA_DIR", dataDir.toString(),
                                "RAMSETU_S3_BUCKET", "ramsetu-docs",
                                "RAMSETU_S3_ENDPOINT", "http://127.0.0.1:9",
                                "RAMSETU_S3_REGION", "eu-central-1"))
                .withPropertyValues(
                        "ramsetu.blob.s3.socket-timeout=45s", "ramsetu.blob.s3.path-style=false")
                .run(
                        context -> {
                            assertThat(context.getBean(BlobStore.class))
                                    .isInstanceOf(S3BlobStore.class);
                            BlobStoreProperties properties =
                                    context.getBean(BlobStoreProperties.class);
                            assertThat(properties.s3().socketTimeout()).hasSeconds(45);
                            assertThat(properties.s3().connectTimeout()).hasSeconds(5);
                            assertThat(properties.s3().pathStyle()).isFalse();
                        });
    }
}
