package org.ramsetu.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The uploader's file name is kept as metadata in a neutral form: whatever it was, the kept name
 * has no path, no control character, no half of a character (which the database's UTF-8 cannot
 * hold), at most 200 characters, and keeping it again changes nothing.
 */
class DocumentFileNameFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void anyUploadedNameIsKeptNeutral(String uploaded) {
        String kept = DocumentFileName.original(uploaded);

        assertThat(kept).isNotBlank().doesNotContain("/", "\\");
        assertThat(kept.codePointCount(0, kept.length())).isLessThanOrEqualTo(200);
        assertThat(kept).isEqualTo(kept.strip());
        assertThat(kept.codePoints().noneMatch(Character::isISOControl)).isTrue();
        assertThat(kept.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE))
                .as("no unpaired surrogate")
                .isTrue();
        assertThat(DocumentFileName.original(kept)).isEqualTo(kept);
    }
}
