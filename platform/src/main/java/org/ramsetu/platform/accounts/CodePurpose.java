package org.ramsetu.platform.accounts;

/** Why a one-time code was sent. */
public enum CodePurpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
}
