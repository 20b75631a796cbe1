package org.ramsetu.platform.documents;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.ramsetu.platform.kernel.UnacceptableContent;

/**
 * Every upload that starts like a PDF, JPEG or PNG is parsed whole before it is stored; whatever
 * its bytes, the parse must end in acceptance or a refusal the uploader can read ({@link
 * UnacceptableContent}), never in an exception that reaches the uploader as a 500. Run in CI on the
 * committed inputs; {@code JAZZER_FUZZ=1} explores (docs/SECURITY.md).
 */
class DocumentInspectionFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void anyUploadIsAcceptedOrRefusedAsUnacceptable(FuzzedDataProvider data) throws IOException {
        DocumentFormat format = data.pickValue(DocumentFormat.values());
        byte[] rest = data.consumeRemainingAsBytes();
        byte[] upload = new byte[format.magic().length + rest.length];
        System.arraycopy(format.magic(), 0, upload, 0, format.magic().length);
        System.arraycopy(rest, 0, upload, format.magic().length, rest.length);
        try {
            DocumentInspection.inspect(format, new ByteArrayInputStream(upload));
        } catch (UnacceptableContent refused) {
            // the uploader is told why
        }
    }
}
