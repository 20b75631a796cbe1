package org.ramsetu.platform.accounts;

/** Where a login stands after the password: signed in, or waiting for the second factor. */
public sealed interface SignInStep {

    record SignedIn(AuthTokens tokens) implements SignInStep {}

    /** A coordinator's password was right; the code of the second factor comes next. */
    record SecondFactorNeeded(SecondFactors.Challenge challenge) implements SignInStep {}
}
