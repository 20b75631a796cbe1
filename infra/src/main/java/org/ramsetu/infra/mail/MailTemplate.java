package org.ramsetu.infra.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail written by us with {@code {{placeholders}}} for values that come from users (names,
 * hospital names, notes). Every value is escaped for where it lands: HTML-escaped in the HTML body,
 * refused in the subject if it holds a line break, inserted as-is in the plain-text body (text has
 * no markup to break). Templates themselves are trusted; values never are.
 *
 * @param name for error messages, e.g. {@code match-proposed}
 * @param html the HTML body, or {@code null} for text-only mail
 */
public record MailTemplate(String name, String subject, String text, String html) {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*}}");

    public MailTemplate {
        Objects.requireNonNull(name, "template name");
        Objects.requireNonNull(subject, "subject of template " + name);
        Objects.requireNonNull(text, "text of template " + name);
    }

    /**
     * Fills the placeholders and addresses the result; see {@link OutgoingMail#idempotencyKey()}.
     */
    public OutgoingMail compose(
            String idempotencyKey, List<MailAddress> to, Map<String, String> values) {
        requireAllValues(values);
        String subjectLine =
                fill(
                        subject,
                        values,
                        v -> HeaderValues.requireSingleLine("value in the subject of " + name, v));
        return new OutgoingMail(
                idempotencyKey,
                to,
                subjectLine,
                fill(text, values, UnaryOperator.identity()),
                html == null ? null : fill(html, values, MailTemplate::escapeHtml));
    }

    public OutgoingMail compose(String idempotencyKey, MailAddress to, Map<String, String> values) {
        return compose(idempotencyKey, List.of(to), values);
    }

    /** Escapes the five characters that can change the meaning of HTML text or attribute values. */
    public static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private void requireAllValues(Map<String, String> values) {
        TreeSet<String> missing = new TreeSet<>();
        for (String part : html == null ? List.of(subject, text) : List.of(subject, text, html)) {
            Matcher m = PLACEHOLDER.matcher(part);
            while (m.find()) {
                if (values.get(m.group(1)) == null) {
                    missing.add(m.group(1));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "mail template " + name + " needs values for " + missing);
        }
    }

    private static String fill(
            String template, Map<String, String> values, UnaryOperator<String> escape) {
        // Replacement is one pass over the template, so a value containing {{x}} stays literal.
        return PLACEHOLDER
                .matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(escape.apply(values.get(m.group(1)))));
    }
}
