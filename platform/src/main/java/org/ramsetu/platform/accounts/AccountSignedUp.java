package org.ramsetu.platform.accounts;

/** A donor or patient signed up: the account exists, unverified, in the sign-up's transaction. */
public record AccountSignedUp(Account account) {}
