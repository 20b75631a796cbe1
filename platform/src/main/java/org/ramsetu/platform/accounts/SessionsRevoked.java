package org.ramsetu.platform.accounts;

import java.util.UUID;
import org.ramsetu.platform.security.CurrentUser;

/**
 * A coordinator ended every session of an account.
 *
 * @param refreshTokens how many refresh tokens stopped working
 */
public record SessionsRevoked(UUID accountId, CurrentUser by, int refreshTokens) {}
