package org.ramsetu.infra.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobKeyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"a", "models/kidney/v3/model.json", "documents/d-1/scan_2.PDF", ".hidden/x"})
    void keysOfSafeSegmentsAreAccepted(String key) {
        assertThat(BlobKey.of(key).value()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/etc/passwd",
                "../secrets",
                "a/../../b",
                "a/./b",
                "a//b",
                "a/",
                "a\\b",
                "a b",
                "naïve",
                "a~blob",
                "C:/x",
                "a\nb"
            })
    void keysThatCouldEscapeOrConfuseAStoreAreRefused(String key) {
        assertThatThrownBy(() -> BlobKey.of(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("blob key");
    }

    @Test
    void overlongKeysAndSegmentsAreRefusedNamingTheLimit() {
        assertThatThrownBy(() -> BlobKey.of("a/".repeat(600) + "b"))
                .hasMessageContaining("at most 1024");
        assertThatThrownBy(() -> BlobKey.of("x".repeat(201))).hasMessageContaining("at most 200");
    }

    @Test
    void prefixesMayEndInAFolderSlashOrAPartialSegment() {
        assertThat(BlobKey.checkPrefix("models/")).isEqualTo("models/");
        assertThat(BlobKey.checkPrefix("models/v")).isEqualTo("models/v");
        assertThat(BlobKey.checkPrefix("")).isEmpty();
        assertThatThrownBy(() -> BlobKey.checkPrefix("/models")).hasMessageContaining("relative");
        assertThatThrownBy(() -> BlobKey.checkPrefix("../x/")).hasMessageContaining("'..'");
    }

    @Test
    void resolveAppendsASegment() {
        assertThat(BlobKey.of("models").resolve("v1")).isEqualTo(BlobKey.of("models/v1"));
    }
}
