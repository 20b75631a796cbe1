package org.ramsetu.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {

    static final MailAddress TO = MailAddress.of("coord@hospital.example");
    static final MailTemplate TEMPLATE =
            new MailTemplate(
                    "t",
                    "Pledge by {{donor}}",
                    "Donor {{donor}} pledged.",
                    "<p title=\"{{donor}}\">{{donor}}</p>");

    @Test
    void everyHtmlSpecialCharacterInAValueIsEscaped() {
        OutgoingMail mail = TEMPLATE.compose("k", TO, Map.of("donor", "<a href='x'>\"A&B\"</a>"));

        assertThat(mail.html())
                .isEqualTo(
                        "<p title=\"&lt;a href=&#39;x&#39;&gt;&quot;A&amp;B&quot;&lt;/a&gt;\">"
                                + "&lt;a href=&#39;x&#39;&gt;&quot;A&amp;B&quot;&lt;/a&gt;</p>");
        assertThat(mail.text()).isEqualTo("Donor <a href='x'>\"A&B\"</a> pledged.");
    }

    @Test
    void aLineBreakInASubjectValueIsRefusedAsHeaderInjection() {
        assertThatThrownBy(
                        () ->
                                TEMPLATE.compose(
                                        "k", TO, Map.of("donor", "X\r\nBcc: all@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value in the subject of t must be one line");
    }

    @Test
    void aMissingValueIsNamedInsteadOfSendingABlank() {
        MailTemplate template =
                new MailTemplate("welcome", "Hi {{name}}", "Your id: {{ id }} {{name}}", null);

        assertThatThrownBy(() -> template.compose("k", TO, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mail template welcome needs values for [id, name]");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderStaysLiteral() {
        MailTemplate template = new MailTemplate("t", "S", "{{a}} {{b}}", null);

        assertThat(template.compose("k", TO, Map.of("a", "{{b}} $1 \\", "b", "B")).text())
                .isEqualTo("{{b}} $1 \\ B");
    }

    @Test
    void headersAndAddressesRefuseLineBreaksAndJunk() {
        assertThatThrownBy(() -> OutgoingMail.text("k", TO, "Hi\nBcc: x@y.z", "t"))
                .hasMessageContaining("subject must be one line");
        assertThatThrownBy(() -> MailAddress.of("a@b.example\r\nBcc: c@d.example"))
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> MailAddress.of("Eve <eve@x.example>"))
                .hasMessageContaining("not an e-mail address");
        assertThatThrownBy(() -> MailAddress.of("no-at-sign"))
                .hasMessageContaining("not an e-mail address");
        assertThatThrownBy(() -> MailAddress.of("a@b.example", "Name\nX-Header: 1"))
                .hasMessageContaining("display name");
        assertThatThrownBy(() -> new OutgoingMail("k", java.util.List.of(), "S", "T", null))
                .hasMessageContaining("1 to 50 recipients");
    }
}
