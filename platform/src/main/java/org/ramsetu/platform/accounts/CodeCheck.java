package org.ramsetu.platform.accounts;

/** The result of checking a one-time code. */
public sealed interface CodeCheck {

    record Accepted() implements CodeCheck {}

    /** Wrong digits; the code stays usable for {@code triesLeft} more tries. */
    record Wrong(int triesLeft) implements CodeCheck {}

    /** The last allowed try was wrong: the code is void now. */
    record Voided() implements CodeCheck {}

    record Expired() implements CodeCheck {}

    /** No usable code: never sent, already used, or voided earlier. */
    record NoActiveCode() implements CodeCheck {}
}
