package org.ramsetu.platform.accounts;

import org.ramsetu.platform.web.ApiProblem;

/** What a person is told about a code that was not accepted. */
final class CodeProblems {

    private CodeProblems() {}

    static ApiProblem of(CodeCheck check) {
        if (check instanceof CodeCheck.Wrong wrong) {
            return ApiProblem.invalidField(
                    "code",
                    "is not the code we sent; "
                            + wrong.triesLeft()
                            + (wrong.triesLeft() == 1 ? " try" : " tries")
                            + " left");
        }
        if (check instanceof CodeCheck.Voided) {
            return ApiProblem.invalidField(
                    "code",
                    "was wrong "
                            + OneTimeCodes.MAX_TRIES
                            + " times, so it no longer works; ask for a new code");
        }
        if (check instanceof CodeCheck.Expired) {
            return ApiProblem.invalidField(
                    "code", "has expired (codes last 10 minutes); ask for a new code");
        }
        if (check instanceof CodeCheck.NoActiveCode) {
            return noPendingCode();
        }
        throw new IllegalArgumentException("an accepted code is not a problem");
    }

    static ApiProblem noPendingCode() {
        return ApiProblem.invalidField(
                "code", "no code is pending for this e-mail and role; ask for a new code");
    }
}
