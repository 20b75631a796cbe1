package org.ramsetu.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.security.TokenKeys;
import org.ramsetu.platform.testing.MutableClock;
import org.ramsetu.platform.testing.TestAccounts;
import org.springframework.transaction.support.TransactionTemplate;

/** One-time codes on a real PostgreSQL: hashing, expiry, tries, voiding, cool-down. */
class OneTimeCodesIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    private final MutableClock clock = new MutableClock();
    private OneTimeCodes codes;
    private TransactionTemplate tx;
    private UUID account;

    @BeforeEach
    void anAccount() {
        codes =
                new OneTimeCodes(
                        db.jdbc(),
                        new TokenKeys("test secret of more than thirty-two chars"),
                        clock,
                        Duration.ofSeconds(60));
        tx = db.transactions();
        account = TestAccounts.insert(db.jdbc(), Role.DONOR, null, clock.instant());
    }

    @Test
    void theRightDigitsAreAcceptedOnceAndOnlyAKeyedHashIsStored() {
        var issued = codes.issue(account, CodePurpose.VERIFY_EMAIL);

        byte[] stored =
                db.jdbc()
                        .sql("select code_hash from one_time_code where id = :id")
                        .param("id", issued.id())
                        .query(byte[].class)
                        .single();

        assertThat(issued.digits()).matches("\\d{6}");
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(issued.digits());
        assertThat(check(issued.digits())).isInstanceOf(CodeCheck.Accepted.class);
        assertThat(check(issued.digits())).isInstanceOf(CodeCheck.NoActiveCode.class);
    }

    @Test
    void fiveWrongTriesVoidTheCodeEvenForTheRightDigitsAfterwards() {
        var issued = codes.issue(account, CodePurpose.VERIFY_EMAIL);
        String wrong = issued.digits().equals("123456") ? "654321" : "123456";

        for (int left = 4; left >= 1; left--) {
            assertThat(check(wrong)).isEqualTo(new CodeCheck.Wrong(left));
        }

        assertThat(check(wrong)).isInstanceOf(CodeCheck.Voided.class);
        assertThat(check(issued.digits())).isInstanceOf(CodeCheck.NoActiveCode.class);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        var issued = codes.issue(account, CodePurpose.VERIFY_EMAIL);

        clock.advance(Duration.ofMinutes(10));

        assertThat(check(issued.digits())).isInstanceOf(CodeCheck.Expired.class);
    }

    @Test
    void aNewCodeVoidsTheOldOneAndWaitsForTheCooldown() {
        var old = codes.issue(account, CodePurpose.VERIFY_EMAIL);

        Duration justAfter = codes.cooldownLeft(account, CodePurpose.VERIFY_EMAIL);
        clock.advance(Duration.ofSeconds(61));
        var fresh = codes.issue(account, CodePurpose.VERIFY_EMAIL);

        assertThat(justAfter).isEqualTo(Duration.ofSeconds(60));
        assertThat(codes.latestCodeId(account, CodePurpose.VERIFY_EMAIL)).contains(fresh.id());
        if (!old.digits().equals(fresh.digits())) {
            assertThat(check(old.digits())).isInstanceOf(CodeCheck.Wrong.class);
        }
        assertThat(check(fresh.digits())).isInstanceOf(CodeCheck.Accepted.class);
    }

    @Test
    void codesOfOnePurposeDoNotOpenTheOther() {
        var reset = codes.issue(account, CodePurpose.RESET_PASSWORD);

        assertThat(check(reset.digits())).isInstanceOf(CodeCheck.NoActiveCode.class);
    }

    private CodeCheck check(String digits) {
        return tx.execute(s -> codes.check(account, CodePurpose.VERIFY_EMAIL, digits));
    }
}
