package org.ramsetu.platform.accounts;

/**
 * An account's password was replaced with an e-mailed reset code; every session of the account was
 * ended in the same transaction.
 */
public record PasswordResetCompleted(Account account) {}
