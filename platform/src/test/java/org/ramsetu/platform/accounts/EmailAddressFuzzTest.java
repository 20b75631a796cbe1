package org.ramsetu.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.VisibleText;

/**
 * An e-mail address is an identity: whatever text is typed, it is refused with a message about the
 * field, or accepted in one canonical form that parses to itself, that mail can be sent to, and
 * that holds nothing invisible (two look-alike addresses would be two accounts).
 */
class EmailAddressFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void anyTextIsOneCanonicalAddressOrRefused(String text) {
        EmailAddress address;
        try {
            address = EmailAddress.parse("email", text);
        } catch (InvalidInput refused) {
            return;
        }
        assertThat(EmailAddress.parse("email", address.value())).isEqualTo(address);
        assertThat(address.value().length()).isLessThanOrEqualTo(254);
        assertThat(address.value().codePoints().noneMatch(VisibleText::invisibleInIdentifiers))
                .isTrue();
        assertThat(address.key()).isEqualTo(address.value().toLowerCase(Locale.ROOT));
    }
}
