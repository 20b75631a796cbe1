package org.ramsetu.platform.accounts;

import org.ramsetu.platform.kernel.InvalidInput;

/** What a person is told about a code that was not accepted. */
final class CodeProblems {

    private CodeProblems() {}

    static InvalidInput of(CodeCheck check) {
        if (check instanceof CodeCheck.Wrong wrong) {
            return InvalidInput.field(
                    "code",
                    "is not the code we sent; "
                            + wrong.triesLeft()
                            + (wrong.triesLeft() == 1 ? " try" : " tries")
                            + " left");
        }
        if (check instanceof CodeCheck.Voided) {
            return InvalidInput.field(
                    "code",
                    "was wrong "
                            + OneTimeCodes.MAX_TRIES
                            + " times, so it no longer works; ask for a new code");
        }
        if (check instanceof CodeCheck.Expired) {
            return InvalidInput.field(
                    "code", "has expired (codes last 10 minutes); ask for a new code");
        }
        if (check instanceof CodeCheck.NoActiveCode) {
            return noPendingCode();
        }
        throw new IllegalArgumentException("an accepted code is not a problem");
    }

    /** A password reset's code refused, whatever the reason, or no such account. */
    static InvalidInput resetRefused() {
        return InvalidInput.field(
                "code",
                "is not a valid reset code for this e-mail (wrong, expired or used up); check the"
                        + " latest mail or ask for a new code");
    }

    static InvalidInput noPendingCode() {
        return InvalidInput.field(
                "code", "no code is pending for this e-mail and role; ask for a new code");
    }
}
