package org.ramsetu.platform.accounts;

import java.util.Map;
import org.ramsetu.infra.mail.MailAddress;
import org.ramsetu.infra.mail.MailTemplate;
import org.ramsetu.infra.mail.QueuedMail;

/** The e-mails of the account flows, queued in the caller's transaction. */
public class AccountMails {

    private static final MailTemplate VERIFY =
            new MailTemplate(
                    "verify-email",
                    "Your RamSetu verification code: {{code}}",
                    """
                    Hello {{name}},

                    your code to confirm this e-mail address for your RamSetu {{role}} account is

                        {{code}}

                    It is valid for 10 minutes. If you did not sign up, ignore this mail.
                    """,
                    """
                    <p>Hello {{name}},</p>
                    <p>your code to confirm this e-mail address for your RamSetu {{role}} account
                    is</p>
                    <p style="font-size:24px;font-weight:bold;letter-spacing:4px">{{code}}</p>
                    <p>It is valid for 10 minutes. If you did not sign up, ignore this mail.</p>
                    """);

    private static final MailTemplate RESET =
            new MailTemplate(
                    "reset-password",
                    "Your RamSetu password reset code: {{code}}",
                    """
                    Hello {{name}},

                    your code to choose a new password for your RamSetu {{role}} account is

                        {{code}}

                    It is valid for 10 minutes. If you did not ask for it, ignore this mail; your
                    password stays as it is.
                    """,
                    """
                    <p>Hello {{name}},</p>
                    <p>your code to choose a new password for your RamSetu {{role}} account is</p>
                    <p style="font-size:24px;font-weight:bold;letter-spacing:4px">{{code}}</p>
                    <p>It is valid for 10 minutes. If you did not ask for it, ignore this mail;
                    your password stays as it is.</p>
                    """);

    private final QueuedMail mail;

    public AccountMails(QueuedMail mail) {
        this.mail = mail;
    }

    public void sendCode(Account account, CodePurpose purpose, OneTimeCodes.IssuedCode code) {
        MailTemplate template = purpose == CodePurpose.VERIFY_EMAIL ? VERIFY : RESET;
        mail.send(
                template.compose(
                        "code:" + code.id(),
                        new MailAddress(account.email(), account.fullName()),
                        Map.of(
                                "name", account.fullName(),
                                "role", account.role().name().toLowerCase(java.util.Locale.ROOT),
                                "code", code.digits())));
    }
}
