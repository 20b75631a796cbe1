package org.ramsetu.platform.accounts;

/** An account's e-mail address was confirmed with the code sent to it. */
public record EmailVerified(Account account) {}
