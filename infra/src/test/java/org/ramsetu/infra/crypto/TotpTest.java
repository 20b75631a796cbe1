package org.ramsetu.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    // RFC 6238 appendix B: the SHA-1 seed is the ASCII of "12345678901234567890".
    private static final byte[] RFC_SEED =
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void theEightDigitCodesOfRfc6238AppendixB(long epochSecond, String expected) {
        assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(epochSecond)), 8))
                .isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheSameTruncation() {
        assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    }

    @Test
    void aCodeMatchesItsOwnStepAndOneStepOfDriftButNotTwo() {
        byte[] secret = Totp.decodeSecret(Totp.newSecret()).orElseThrow();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now, 1)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now, 1))
                .hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now, 1)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now, 1)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now, 1)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now, 1)).isEmpty();
    }

    @Test
    void secretsAreBase32OfAtLeast128Bits() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.decodeSecret(secret.toLowerCase()))
                .get()
                .extracting(b -> b.length)
                .isEqualTo(Totp.SECRET_BYTES);
        assertThat(Totp.decodeSecret("JBSWY3DPEHPK3PXP")).isEmpty(); // 80 bits
        assertThat(Totp.decodeSecret("not base32!")).isEmpty();
        assertThat(Totp.decodeSecret(null)).isEmpty();
    }

    @Test
    void theEnrolmentUriNamesIssuerAccountAndParameters() {
        assertThat(Totp.enrolmentUri("RamSetu", "a.b@example.org", "ABCDEFGHIJKLMNOP"))
                .isEqualTo(
                        "otpauth://totp/RamSetu:a.b%40example.org?secret=ABCDEFGHIJKLMNOP"
                                + "&issuer=RamSetu&algorithm=SHA1&digits=6&period=30");
    }
}
